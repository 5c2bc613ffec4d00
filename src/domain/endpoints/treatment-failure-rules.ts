// Readings of the synopsis' treatment-failure confirmations (secondary endpoint 7) that the wording leaves open:
// the trial team's working defaults (shared/clinical/README.md), to be composed into the trial configuration and
// shown on the endpoint screen. `minDaysApart` counts from the measurement being confirmed.

export type ConfirmationRule = { confirmations: number; minDaysApart: number };
export type TreatmentFailureRules = {
  creatinineDoubling: ConfirmationRule;
  nephritis: ConfirmationRule;
};

export const TREATMENT_FAILURE_RULES: Readonly<TreatmentFailureRules> = {
  // "confirmée quatre semaines plus tard": the first creatinine measured 28 days or more after the doubled one.
  creatinineDoubling: { confirmations: 1, minDaysApart: 28 },
  // "confirmés deux fois par intervalles de 2 semaines": read literally, two further measurements, each 14 days or
  // more after the one before (so at least 4 weeks from the first). One confirmation is the other possible reading.
  nephritis: { confirmations: 2, minDaysApart: 14 },
};
