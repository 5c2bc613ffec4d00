import type { ImmunosuppressantId } from '@/schema/eligibility';

// The numeric limits of the MSC-LES eligibility criteria, each quoted from the French synopsis (the source of
// truth: shared/seed/MSC-LES-synopsis.fr.txt). "I" = inclusion criterion, "NI" = non-inclusion criterion.
// Strict inequalities are the synopsis' own (">", "<"); "≥" likewise.

export const ELIGIBILITY_THRESHOLDS = {
  /**
   * I1 "Age > 18 ans et < 70 ans", read as an adult trial means it (shared/clinical/domain-api.md, "Renal function
   * and eligibility"): met from the 18th birthday until the day before the 70th, i.e. 18 to 69 whole years at the
   * screening date. A strict "> 18" on whole years would refuse every 18-year-old, which the protocol does not
   * intend (issue 18). The screen shows the age and this reading (eligibility.reason.ageYears).
   */
  ageYears: { atLeast: 18, below: 70 },
  /** I3 "SELENA-SLEDAI ≥ 6". */
  sledaiAtLeast: 6,
  /** I5 "doses stables durant une période minimale de 30 jours avant l'éligibilité". */
  stableTreatmentDaysAtLeast: 30,
  /** NI2a "clearance calculée de la créatinine < 30 ml/min" (Cockcroft–Gault, see renal.ts). */
  creatinineClearanceBelow: 30,
  /** NI2b "fraction d'éjection ventriculaire gauche < 40 %". */
  lvefPercentBelow: 40,
  /** NI2c "ASAT, ALAT > 2 fois la normale" (× the laboratory's upper limit of normal). */
  transaminasesAboveUlnTimes: 2,
  /** NI2d "PAP moyenne > 50 mmHg", "PaO2 < 70 mmHg et/ou PaCO2 > 50 mmHg, sans oxygénothérapie". */
  meanPapMmHgAbove: 50,
  pao2MmHgBelow: 70,
  paco2MmHgAbove: 50,
  /** NI4 "neutropénie < 0,5.10⁹/L, thrombopénie < 30.10⁹/L, anémie < 8 g/dL, lymphopénie T CD4+ < 200 x 10⁶/L". */
  neutrophilsGLBelow: 0.5,
  plateletsGLBelow: 30,
  haemoglobinGdLBelow: 8,
  cd4PerULBelow: 200,
  /** NI6 "belimumab dans les 2 mois", "rituximab ou autre traitement biologique appauvrissant les cellules B
   * dans les 6 mois" before baseline, in calendar months. */
  belimumabWashoutMonths: 2,
  bCellDepletionWashoutMonths: 6,
} as const;

/**
 * I4: the regimens at which a failure counts, from the synopsis, as i18n keys with their numbers, shown beside
 * each answer so the physician attests against the protocol's dose and duration. The app does not recompute
 * them from a treatment history: the synopsis' "pendant 3 mois au total" across drugs, and a stop forced by
 * adverse effects before the full duration, need a physician's reading.
 * Rituximab: the French text reads "1 g de dose totale deux fois par jour durant deux semaines"; the working
 * translation's reading, 1 g twice two weeks apart (the usual regimen), is the one shown.
 */
export const REFRACTORY_REGIMENS = {
  prednisone: { label: 'eligibility.regimen.prednisone', values: { minMgPerDay: 6, minDays: 28 } },
  immunosuppressants: {
    cyclophosphamideIv: {
      label: 'eligibility.regimen.cyclophosphamideIv',
      values: { minMgPerMonth: 500, minMonths: 3 },
    },
    mycophenolate: { label: 'eligibility.regimen.mycophenolate', values: { minMgPerDay: 2000, minDays: 90 } },
    azathioprine: { label: 'eligibility.regimen.azathioprine', values: { minMgPerKgPerDay: 2, minDays: 90 } },
    methotrexate: { label: 'eligibility.regimen.methotrexate', values: { minMgPerWeek: 20, minDays: 90 } },
    leflunomide: { label: 'eligibility.regimen.leflunomide', values: { minMgPerDay: 10, minDays: 90 } },
    rituximab: {
      label: 'eligibility.regimen.rituximab',
      values: { mgPerM2: 375, weeklyDoses: 4, orGrams: 1, orDoses: 2, weeksApart: 2 },
    },
    ciclosporin: {
      label: 'eligibility.regimen.ciclosporin',
      values: { minMgPerKgPerDay: 2.5, maxMgPerKgPerDay: 5, minDays: 90 },
    },
    belimumab: { label: 'eligibility.regimen.belimumab', values: { mgPerKgMonthly: 10, minMonths: 3 } },
  } satisfies Record<ImmunosuppressantId, { label: string; values: Record<string, number> }>,
} as const;
