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
  | { code: 'storage-full' };

export type CommandResult<T> = ({ ok: true } & T) | ({ ok: false } & CommandError);

export const failure = (error: CommandError): { ok: false } & CommandError => ({ ok: false, ...error });
