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
    'invalid-text':
      'The text holds an invalid character (a null character or a broken one), often from a copy and paste.',
    'invalid-data': 'The values break the protocol’s rules (bounds, required fields).',
    'invalid-mutation': 'The entry is malformed: the tablet did not build it correctly.',
    'unknown-kind': 'The central store does not know this kind of entry (tablet or store not up to date).',
    'role-not-allowed': 'Your role may not make this entry.',
    'author-mismatch': 'The entry does not bear the name of the person signed in.',
    'unknown-participant': 'The central store does not know this entry’s participant.',
    'clock-ahead':
      'The tablet’s clock was more than 24 hours ahead of the store’s: the entry’s time is not credible.',
    'mutation-id-reused': 'This entry id was already used for another entry.',
    'void-not-allowed': 'Only the entry’s author, or a physician, may void it.',
    'void-changed-data': 'A void may not change the values it voids.',
    'signature-invalid':
      'The signature does not match the signed record or the signer (identity, role or content).',
    'impossible-history': 'This change is based on a version the central store does not have.',
    unknown: 'The central store refused this entry.',
  },
  action: {
    'store-error':
      'Send it again as it is; if it is set aside again, enter the value again and tell the data manager.',
    'invalid-text': 'Enter the value again without that character (shown as ␀ above).',
    'clock-ahead':
      'Set the tablet’s clock right, then enter the value again with the real time of the measure.',
    default: 'If the value is right, enter it again correctly; then say that you have read this one.',
  },
};
export default setAsideEn;
