import { incomplete, type Incomplete } from '@/domain/result';

// dosing.md asks for refusals "with the reason": an incomplete result names the offending ids in `missing` (the
// contract) and says why in `reasons`, so the screen can tell "too few cells" from "expired" on the same field.

export type DoseRefusalReason =
  /** Absent, not a number, or not a date. */
  | 'missing'
  /** A number outside its accepted range (e.g. weight outside 30–200 kg). */
  | 'outOfRange'
  /** Not one of the allowed values (e.g. a dose level other than 1, 2 or 4). */
  | 'notAllowed'
  /** The bag holds fewer viable cells than the dose needs. */
  | 'insufficientCells'
  /** Viability under the release criterion. */
  | 'belowReleaseCriterion'
  /** Expiry reached at the time of the check. */
  | 'expired'
  /** The bag's label does not carry the participant's trial number. */
  | 'identityMismatch';

export type DoseRefusal = { id: string; reason: DoseRefusalReason };
export type DoseRefused = Incomplete & { reasons: DoseRefusal[] };

/** Every refusal as one incomplete result; an id refused for two reasons is named once in `missing`. */
export function refused(reasons: readonly DoseRefusal[]): DoseRefused {
  return { ...incomplete([...new Set(reasons.map((r) => r.id))]), reasons: [...reasons] };
}
