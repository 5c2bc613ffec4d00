// Issue 17 — saisies mises de côté (refusées par le serveur central, ou sur lesquelles il échoue) : messages.
// A reason code without its own message falls back to `reason.unknown`, with the server's sentence quoted.
const setAsideFr = {
  title_one: '{{count}} de vos saisies est mise de côté : le serveur central ne l’a pas enregistrée.',
  title_other: '{{count}} de vos saisies sont mises de côté : le serveur central ne les a pas enregistrées.',
  explain:
    'Elles restent conservées sur cette tablette (rien n’est effacé) et n’empêchent pas l’envoi de vos autres saisies.',
  show: 'Voir et décider',
  list: 'Saisies mises de côté',
  entry: '{{kind}} · {{participant}} · saisie le {{at}}',
  noParticipant: 'sans participant',
  value: 'Valeur saisie :',
  reasonLabel: 'Motif :',
  serverSaid: 'Réponse du serveur : « {{message}} »',
  whatToDo: 'Que faire :',
  correct: 'Corriger et ressaisir',
  sendAgain: 'Renvoyer telle quelle',
  acknowledge: 'J’ai pris connaissance (la garder sans l’envoyer)',
  failed: 'L’action n’a pas pu être enregistrée ; rien n’a été perdu.',
  invisible: '␀',
  op: { create: 'création', revise: 'modification', void: 'annulation' },
  reason: {
    'store-error':
      'Le serveur central a échoué à plusieurs reprises sur cette saisie seule, alors qu’il enregistrait les autres.',
    'invalid-text':
      'Le texte contient un caractère invalide (caractère nul ou caractère incomplet), souvent venu d’un copier-coller.',
    'invalid-data': 'Les valeurs ne respectent pas les règles du protocole (bornes, champs obligatoires).',
    'invalid-mutation': 'La saisie est mal formée : la tablette ne l’a pas construite correctement.',
    'unknown-kind': 'Ce type de saisie n’est pas connu du serveur central (tablette ou serveur pas à jour).',
    'role-not-allowed': 'Votre rôle ne permet pas cette saisie.',
    'author-mismatch': 'La saisie ne porte pas le nom de la personne connectée.',
    'unknown-participant': 'Le participant de cette saisie n’est pas connu du serveur central.',
    'clock-ahead':
      'L’heure de la tablette avait plus de 24 heures d’avance sur celle du serveur : l’heure de la saisie n’est pas crédible.',
    'mutation-id-reused': 'Cet identifiant de saisie a déjà servi pour une autre saisie.',
    'void-not-allowed': 'Seul l’auteur de la saisie, ou un médecin, peut l’annuler.',
    'void-changed-data': 'Une annulation ne peut pas modifier les valeurs qu’elle annule.',
    'signature-invalid':
      'La signature ne correspond pas à l’enregistrement signé ou au signataire (identité, rôle ou contenu).',
    'impossible-history': 'Cette modification repose sur une version que le serveur central n’a pas.',
    unknown: 'Le serveur central a refusé cette saisie.',
  },
  action: {
    'store-error':
      'Renvoyez-la telle quelle ; si elle est de nouveau mise de côté, ressaisissez la valeur et signalez-le au data manager.',
    'invalid-text': 'Ressaisissez la valeur sans ce caractère (il est montré ␀ ci-dessus).',
    'clock-ahead':
      'Mettez la tablette à l’heure, puis ressaisissez la valeur avec l’heure réelle de la mesure.',
    default:
      'Si la valeur est juste, ressaisissez-la correctement ; puis indiquez que vous avez pris connaissance de celle-ci.',
  },
};
export default setAsideFr;
