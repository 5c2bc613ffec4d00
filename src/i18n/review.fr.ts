// Messages of the review workflow (issue 24, src/features/review). Added to fr.ts under `review`.
export const reviewFr = {
  nav: 'Exports',
  exports: {
    title: 'Exports des données',
    intro:
      'Toutes les révisions de tous les enregistrements du serveur central, avec leur piste d’audit. Chaque export est lui-même tracé (qui, quand, quoi).',
    onlyReviewers: 'Les exports sont réservés aux data managers et aux médecins.',
    odm: {
      button: 'Télécharger l’export CDISC ODM 1.3.2',
      description: 'Un fichier XML transactionnel : métadonnées, révisions, audit et signatures.',
    },
    csv: {
      button: 'Télécharger l’export CSV',
      description:
        'Une archive ZIP : un fichier par type d’enregistrement, une ligne par révision, et le dictionnaire des données.',
    },
    done: 'Export téléchargé : {{name}}',
    error: {
      offline: 'Le serveur central est injoignable : les exports demandent le réseau.',
      unauthenticated: 'Votre session en ligne a expiré : reconnectez-vous.',
      forbidden: 'Votre rôle ne permet pas les exports.',
      server: 'Le serveur n’a pas pu produire l’export. Réessayez.',
    },
  },
};
export type ReviewCatalogue = typeof reviewFr;
