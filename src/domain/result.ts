// The common result shape of the clinical core (shared/clinical/domain-api.md, "Common result shape").
// A person's missing or invalid input never throws and never yields a plausible-looking number: it comes back
// as `incomplete`, naming every offending input id.

export type Incomplete = { status: 'incomplete'; missing: string[] };
export type Complete<T> = { status: 'complete' } & T;
export type Scored<T> = Complete<T> | Incomplete;

export function incomplete(missing: readonly string[]): Incomplete {
  return { status: 'incomplete', missing: [...missing] };
}

export function complete<T extends object>(value: T): Complete<T> {
  return { status: 'complete', ...value };
}

export function isComplete<T>(result: Scored<T>): result is Complete<T> {
  return result.status === 'complete';
}
