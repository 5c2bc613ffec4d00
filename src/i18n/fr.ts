// Catalogue français (langue par défaut). Keys are grouped by screen; en.ts must have exactly the same keys.
const fr = {
  app: {
    name: 'Chevet',
    tagline: 'Essai MSC-LES — recueil au chevet du patient',
    skipToContent: 'Aller au contenu',
  },
  nav: { home: 'Accueil', settings: 'Réglages', main: 'Navigation principale' },
  language: { label: 'Langue', fr: 'Français', en: 'English', switchTo: 'English' },
  home: {
    title: 'Bienvenue',
    intro:
      'Chevet accompagne la perfusion de cellules souches mésenchymateuses et les 10 jours de surveillance de tolérance, puis le suivi de M0 à M12. Tout fonctionne sans réseau ; les données se synchronisent au retour de la connexion.',
    offlineReady: 'L’application est prête à fonctionner hors ligne.',
    online: 'En ligne',
    offline: 'Hors ligne',
  },
  settings: {
    title: 'Réglages',
    version: 'Version de l’application : {{version}}',
    language: 'Langue de l’interface',
  },
  update: {
    available: 'Une nouvelle version de Chevet est disponible.',
    apply: 'Mettre à jour',
    later: 'Plus tard',
    blockedDuringBedside:
      'Une séance au lit du patient est en cours : la mise à jour attendra que vous la terminiez.',
    reloadToFinish: 'Mise à jour installée. Rechargez quand vous aurez terminé.',
    reload: 'Recharger',
  },
  notFound: { title: 'Page introuvable', back: 'Retour à l’accueil' },
  error: {
    title: 'Un problème est survenu',
    retry: 'Réessayer',
    detail: 'Vos données déjà saisies sont conservées sur cette tablette.',
  },
  loading: 'Chargement…',
};
export default fr;
export type Catalogue = typeof fr;
