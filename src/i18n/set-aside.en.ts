import type setAsideFr from './set-aside.fr';

// Issue 17 — entries set aside (refused by the central store, or failed on by it): messages.
const setAsideEn: typeof setAsideFr = {
  title_one: '{{count}} of your entries is set aside: the central store has not stored it.',
  title_other: '{{count}} of your entries are set aside: the central store has not stored them.',
  explain: 'They stay stored on this tablet (nothing is erased) and do not hold back your other entries.',
  show: 'See and decide',
  list: 'Entries set aside',
  entry: '{{kind}} · {{participant}} · entered {{at}}',
  noParticipant: 'no participant',
  value: 'Value entered:',
  reasonLabel: 'Reason:',
  serverSaid: 'The store’s answer: “{{message}}”',
  whatToDo: 'What to do:',
  correct: 'Correct and enter again',
  sendAgain: 'Send again as it is',
  acknowledge: 'I have read this (keep it without sending)',
  failed: 'The action could not be saved; nothing was lost.',
  invisible: '␀',
  op: { create: 'creation', revise: 'change', void: 'void' },
  reason: {
    'store-error':
      'The central store failed again and again on this entry alone, while it stored the others.',
    'storage-error': 'The central store’s database refused this entry’s content.',
    'invalid-mutation': 'The entry is malformed: the tablet did not build it correctly.',
    'invalid-text':
      'The text holds an invalid character (a null character or a broken one), often from a copy and paste.',
    'unknown-kind': 'The central store does not know this kind of entry (tablet or store not up to date).',
    'author-mismatch': 'The entry bears the name of another person or tablet than the one signed in.',
    'role-not-allowed': 'Your role may not make this kind of entry.',
    'invalid-data': 'The values break the protocol’s rules (bounds, required fields).',
    'invalid-patient-id': 'The entry is not attached to its participant correctly.',
    'invalid-base-rev': 'The entry does not say correctly which version it changes.',
    'reason-required': 'A change or a void needs a reason of at least 3 characters.',
    'append-only': 'This entry is not changed: it is corrected by a new entry that replaces it.',
    'supersede-not-allowed': 'Only a new observation may replace another.',
    'clock-ahead':
      'The tablet’s clock was more than 24 hours ahead of the store’s: the entry’s time is not credible.',
    'mutation-id-reused': 'This entry’s id was already used, by another person or for another content.',
    'unknown-participant': 'The entry’s participant is not (yet) on the central store.',
    'record-mismatch': 'The record already exists on the central store with another kind or participant.',
    'unknown-superseded': 'The entry this one replaces is not on the central store.',
    'record-exists': 'This observation was already created on the central store.',
    'unknown-record': 'The record changed or voided is not on the central store.',
    'base-rev-ahead': 'This change is based on a version the central store does not have.',
    'not-record-author': 'Only the entry’s author, or a physician, may void or correct it.',
    'not-signer': 'Only the signer may void or correct their signature.',
    'void-changes-data':
      'A void may not change the values it voids (or the entry changed since: sync, then void).',
    'signature-signer': 'The signature bears the name of another person than the one signed in.',
    'signature-role': 'The role in the signature is not yours on the central store.',
    'signature-meaning': 'Your role may not sign this act.',
    'signature-signer-name': 'The signer’s name does not match your account.',
    'signature-record': 'The signed record does not exist at this version on the central store.',
    'signature-hash': 'The signature’s fingerprint does not match the signed content.',
    'trial-number-taken': 'This trial number already belongs to another participant.',
    'cohort-full': 'This cohort already holds all its participants.',
    'query-target':
      'The queried record, the query or the correction is not on the central store: sync first.',
    unknown: 'The central store refused this entry.',
  },
  action: {
    'store-error':
      'Send it again as it is; if it is set aside again, enter the value again and tell the data manager.',
    'storage-error':
      'Send it again as it is; if it is set aside again, enter the value again and tell the data manager.',
    'invalid-text': 'Enter the value again without that character (shown as ␀ above).',
    'clock-ahead':
      'Set the tablet’s clock right, then enter the value again with the real time of the measure.',
    default: 'If the value is right, enter it again correctly; then say that you have read this one.',
  },
};
export default setAsideEn;
