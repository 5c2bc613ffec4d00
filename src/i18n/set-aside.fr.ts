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
    'storage-error': 'La base de données du serveur central a refusé le contenu de cette saisie.',
    'invalid-mutation': 'La saisie est mal formée : la tablette ne l’a pas construite correctement.',
    'invalid-text':
      'Le texte contient un caractère invalide (caractère nul ou caractère incomplet), souvent venu d’un copier-coller.',
    'unknown-kind': 'Ce type de saisie n’est pas connu du serveur central (tablette ou serveur pas à jour).',
    'author-mismatch':
      'La saisie porte le nom d’une autre personne ou d’une autre tablette que celle connectée.',
    'role-not-allowed': 'Votre rôle ne permet pas ce type de saisie.',
    'invalid-data': 'Les valeurs ne respectent pas les règles du protocole (bornes, champs obligatoires).',
    'invalid-patient-id': 'La saisie n’est pas rattachée correctement à son participant.',
    'invalid-base-rev': 'La saisie ne précise pas correctement la version qu’elle modifie.',
    'reason-required': 'Une modification ou une annulation demande un motif d’au moins 3 caractères.',
    'append-only': 'Cette saisie ne se modifie pas : on la corrige par une nouvelle saisie qui la remplace.',
    'supersede-not-allowed': 'Seule une nouvelle observation peut en remplacer une autre.',
    'clock-ahead':
      'L’heure de la tablette avait plus de 24 heures d’avance sur celle du serveur : l’heure de la saisie n’est pas crédible.',
    'mutation-id-reused':
      'L’identifiant de cette saisie a déjà servi, pour une autre personne ou un autre contenu.',
    'unknown-participant': 'Le participant de cette saisie n’est pas (encore) sur le serveur central.',
    'record-mismatch':
      'L’enregistrement existe déjà sur le serveur central avec un autre type ou un autre participant.',
    'unknown-superseded': 'La saisie que celle-ci remplace n’est pas sur le serveur central.',
    'record-exists': 'Cette observation a déjà été créée sur le serveur central.',
    'unknown-record': 'L’enregistrement modifié ou annulé n’est pas sur le serveur central.',
    'base-rev-ahead': 'Cette modification repose sur une version que le serveur central n’a pas.',
    'not-record-author': 'Seul l’auteur de la saisie, ou un médecin, peut l’annuler ou la corriger.',
    'not-signer': 'Seul le signataire peut annuler ou corriger sa signature.',
    'void-changes-data':
      'Une annulation ne peut pas modifier les valeurs qu’elle annule (ou la saisie a changé depuis : synchronisez, puis annulez).',
    'signature-signer': 'La signature porte le nom d’une autre personne que celle connectée.',
    'signature-role': 'Le rôle indiqué dans la signature n’est pas le vôtre sur le serveur central.',
    'signature-meaning': 'Votre rôle ne permet pas de signer cet acte.',
    'signature-signer-name': 'Le nom du signataire ne correspond pas à votre compte.',
    'signature-record': 'L’enregistrement signé n’existe pas dans cette version sur le serveur central.',
    'signature-hash': 'L’empreinte de la signature ne correspond pas au contenu signé.',
    'trial-number-taken': 'Ce numéro d’essai appartient déjà à un autre participant.',
    'cohort-full': 'Cette cohorte a déjà tous ses participants.',
    'query-target':
      'L’enregistrement interrogé, la requête ou la correction n’est pas sur le serveur central : synchronisez d’abord.',
    unknown: 'Le serveur central a refusé cette saisie.',
  },
  action: {
    'store-error':
      'Renvoyez-la telle quelle ; si elle est de nouveau mise de côté, ressaisissez la valeur et signalez-le au data manager.',
    'storage-error':
      'Renvoyez-la telle quelle ; si elle est de nouveau mise de côté, ressaisissez la valeur et signalez-le au data manager.',
    'invalid-text': 'Ressaisissez la valeur sans ce caractère (il est montré ␀ ci-dessus).',
    'clock-ahead':
      'Mettez la tablette à l’heure, puis ressaisissez la valeur avec l’heure réelle de la mesure.',
    default:
      'Si la valeur est juste, ressaisissez-la correctement ; puis indiquez que vous avez pris connaissance de celle-ci.',
  },
};
export default setAsideFr;
