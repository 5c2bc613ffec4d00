import type { EligibilityFacts } from '@/schema/eligibility';
import type { LabTerm } from '../safety/labs';

// The pre-infusion values the day 1, 3 and 10 labs are graded against (issue 22): the screening's eligibility
// facts (same units as the checklist: µmol/L, U/L, ×10⁹/L, g/dL). CTCAE grades creatinine and ALT/AST against
// the baseline (gradeLab: creatinine by multiples of it, ALT/AST by multiples of it when it was abnormal), so those
// become the check's baseline, with ALT/AST's laboratory ULN; the blood counts are graded against the normal
// limits only, their screening values are given for reference.

export type LabBaseline = {
  /** The pre-infusion value, used by gradeLab where CTCAE grades by baseline. */
  baseline?: number;
  /** The laboratory's upper limit of normal given at screening. */
  uln?: number;
  /** A screening value shown for reference only (CTCAE does not grade it by baseline). */
  reference?: number;
};

export function labBaselinesFromEligibility(
  facts: Partial<EligibilityFacts> | undefined,
): Partial<Record<LabTerm, LabBaseline>> {
  if (!facts) return {};
  const out: Partial<Record<LabTerm, LabBaseline>> = {};
  const put = (term: LabTerm, entry: LabBaseline) => {
    const kept = Object.fromEntries(
      Object.entries(entry).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)),
    ) as LabBaseline;
    if (Object.keys(kept).length > 0) out[term] = kept;
  };
  put('creatinineIncreased', { baseline: facts.creatinineUmolL });
  put('alanineAminotransferaseIncreased', { baseline: facts.altUL, uln: facts.altUln });
  put('aspartateAminotransferaseIncreased', { baseline: facts.astUL, uln: facts.astUln });
  put('neutrophilCountDecreased', { reference: facts.neutrophilsGL });
  put('plateletCountDecreased', { reference: facts.plateletsGL });
  put('anemia', { reference: facts.haemoglobinGdL });
  return out;
}
