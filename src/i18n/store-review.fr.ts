// Messages of the data manager's review of the store (issue 24, src/features/review/Review*) and of the record
// history (src/session/RecordHistory). Loaded with them (src/session/store-review-messages.ts).
export const storeReviewFr = {
  title: 'Revue des données',
  intro:
    'Les données telles qu’elles sont sur le serveur central, reçues par la dernière synchronisation de cette tablette ({{at}}).',
  neverSynced: 'Cette tablette n’a pas encore synchronisé : synchronisez pour voir les données du serveur.',
  onlyReviewers: 'La revue est réservée aux data managers et aux médecins.',
  participants: {
    title: 'Participants',
    none: 'Aucun participant sur le serveur.',
    records_one: '{{count}} enregistrement',
    records_other: '{{count}} enregistrements',
  },
  devices: {
    title: 'Tablettes et dernière synchronisation',
    device: 'Tablette',
    user: 'Personne',
    lastPush: 'Dernier envoi',
    lastPull: 'Dernière réception',
    unsent: 'Données non envoyées',
    never: 'jamais',
    nothingUnsent: 'aucune',
    notReported: 'non signalé',
    unsentSince: 'depuis le {{at}}',
    stale: 'Données non envoyées depuis plus de 24 h',
    revoked: 'révoquée',
    offline: 'Le serveur central est injoignable : la liste des tablettes demande le réseau.',
    error: 'La liste des tablettes n’a pas pu être lue.',
  },
  conflicts: {
    title: 'Conflits ouverts',
    none: 'Aucun conflit ouvert.',
    sides: 'Versions concurrentes : {{stored}} ; {{competing}}',
    resolver: 'À résoudre par un médecin : {{names}}',
    noPhysician: 'À résoudre par un médecin (aucun compte médecin connu).',
    open: 'Ouvrir les conflits',
  },
  record: {
    voided: 'annulé',
    inConflict: 'en conflit',
    queries: 'Requêtes de cet enregistrement',
  },
  back: 'Retour à la revue',
  notFound: 'Ce participant n’est pas sur cette tablette.',
  history: {
    title: 'Historique',
    entry: 'Révision {{rev}} · {{action}} {{by}}',
    action: { create: 'création', revise: 'modification', void: 'annulation' },
    status: { pending: 'à envoyer', applied: 'enregistrée', conflict: 'en conflit', rejected: 'refusée' },
    receivedAt: 'reçue par le serveur le {{at}}',
    reason: 'Motif : {{reason}}',
    rejected: 'Refus du serveur : {{reason}}',
    change: '{{field}} : {{before}} → {{after}}',
    created: '{{field}} : {{after}}',
    noChange: 'aucune valeur changée',
  },
};
export type StoreReviewCatalogue = typeof storeReviewFr;
