// Issue 17 — qui a signé selon le serveur central, et quand (heure de la tablette, heure de réception).
const signatureStoreFr = {
  signedAt: 'Signée le {{at}} (heure de la tablette)',
  receivedAt: 'reçue par le serveur central le {{at}}',
  notReceived: 'pas encore reçue par le serveur central',
  notBySigner:
    'Le serveur central a reçu cette signature d’une autre personne que le signataire qu’elle nomme : elle ne vaut pas signature.',
};
export default signatureStoreFr;
