/** Why a command wrote nothing; the screen turns the code into a message in the person's language. */
export type CommandError =
  | { code: 'invalid'; issues: { path: string; message: string }[] }
  | { code: 'reason-required' }
  | { code: 'forbidden' }
  | { code: 'not-found' }
  | { code: 'not-in-conflict' }
  | { code: 'wrong-mode' }
  /** The record changed (e.g. a sync brought another revision) since the person opened it. */
  | { code: 'stale' }
  | { code: 'storage-full' }
  /** Screening (issue 20): a rule of the workflow refused the act; `detail` says which and why. */
  | { code: 'screening'; rule: ScreeningRefusal; detail?: Record<string, string | number> };

/** The screening workflow's refusals (src/features/screening/screening-commands.ts). */
export type ScreeningRefusal =
  | 'consent-missing'
  | 'procedure-before-consent'
  | 'not-eligible'
  | 'not-ineligible'
  | 'assessment-unsigned'
  | 'already-included'
  | 'awaiting-decision'
  | 'inclusions-paused'
  | 'trial-full'
  | 'not-included'
  | 'same-dose-level'
  | 'trial-number-taken-locally'
  | 'not-refused'
  | 'cohort-incomplete'
  | 'no-such-dose-level'
  | 'already-withdrawn'
  | 'withdrawal-in-future';

export type CommandResult<T> = ({ ok: true } & T) | ({ ok: false } & CommandError);

export const failure = (error: CommandError): { ok: false } & CommandError => ({ ok: false, ...error });
