// Renal function from serum creatinine, entered in µmol/L as the French laboratory reports it. Both equations
// were published in mg/dL; µmol/L is converted with the molar mass of creatinine, 113.12 g/mol:
// 1 mg/dL = 10 mg/L ÷ 113.12 mg/mmol = 0.0884 mmol/L = 88.4 µmol/L, the factor laboratories use.
//
// Invalid input (a missing or non-finite value, a non-positive weight or creatinine, an age outside the
// adults both equations were derived in, a sex other than 'F' or 'M') returns NaN, never a plausible number:
// callers must test with Number.isFinite. The eligibility assessment turns NaN into 'unknown'.

export const CREATININE_UMOL_L_PER_MG_DL = 88.4;

/** Both equations are adult equations: Cockcroft–Gault was derived in patients aged 18–92, CKD-EPI in ≥ 18. */
const ADULT_AGE = { min: 18, max: 120 };

type Sex = 'F' | 'M';
type RenalInput = { ageYears: number; weightKg: number; sex: Sex; creatinineUmolL: number };
type RenalField = keyof RenalInput;

/**
 * Creatinine clearance in mL/min by Cockcroft and Gault (Nephron 1976;16:31–41), in its published form:
 *   CrCl = (140 − age) × weight kg / (72 × Scr mg/dL), × 0.85 for women ("15 % less in females").
 * This is the form the µmol/L shortcut (× 1.23 men / × 1.04 women ÷ Scr µmol/L) rounds: 88.4 / 72 = 1.228 and
 * 1.228 × 0.85 = 1.044. Using the original keeps results identical to published worked examples. Weight is
 * actual body weight, as in the original paper.
 */
export function cockcroftGault(input: RenalInput): number {
  if (renalInputProblems(input, ['ageYears', 'weightKg', 'sex', 'creatinineUmolL']).length > 0) return NaN;
  const creatinineMgDl = input.creatinineUmolL / CREATININE_UMOL_L_PER_MG_DL;
  const male = ((140 - input.ageYears) * input.weightKg) / (72 * creatinineMgDl); // Cockcroft & Gault 1976
  return input.sex === 'F' ? male * 0.85 : male; // Cockcroft & Gault 1976: "15 % less in females"
}

/**
 * Estimated GFR in mL/min/1.73 m² by the race-free 2021 CKD-EPI creatinine equation (Inker LA et al.,
 * N Engl J Med 2021;385:1737–49; as published by the National Kidney Foundation):
 *   eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [if female],
 *   Scr in mg/dL, κ = 0.7 (F) / 0.9 (M), α = −0.241 (F) / −0.302 (M).
 */
export function ckdEpi2021(input: Omit<RenalInput, 'weightKg'>): number {
  if (renalInputProblems(input, ['ageYears', 'sex', 'creatinineUmolL']).length > 0) return NaN;
  const female = input.sex === 'F';
  const kappa = female ? 0.7 : 0.9; // Inker 2021
  const alpha = female ? -0.241 : -0.302; // Inker 2021
  const ratio = input.creatinineUmolL / CREATININE_UMOL_L_PER_MG_DL / kappa;
  return (
    142 * // Inker 2021
    Math.min(ratio, 1) ** alpha *
    Math.max(ratio, 1) ** -1.2 * // Inker 2021
    0.9938 ** input.ageYears * // Inker 2021
    (female ? 1.012 : 1) // Inker 2021
  );
}

/** The fields among `fields` that are missing or outside the equations' domain (empty when all are usable). */
export function renalInputProblems(
  input: Partial<Record<RenalField, unknown>> | undefined,
  fields: readonly RenalField[],
): RenalField[] {
  const usable: Record<RenalField, (value: unknown) => boolean> = {
    ageYears: (value) => typeof value === 'number' && value >= ADULT_AGE.min && value <= ADULT_AGE.max,
    weightKg: isPositive,
    creatinineUmolL: isPositive,
    sex: (value) => value === 'F' || value === 'M',
  };
  return fields.filter((field) => !usable[field](input?.[field]));
}

function isPositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
