import type { clinicalFr } from './clinical.fr';

// English messages of the clinical rules' results; same keys as clinical.fr.ts (the type checks it).
export const clinicalEn: typeof clinicalFr = {
  infusionReaction: {
    whichApplies: 'Infusion related reaction and allergic reaction are both ticked: which one applies?',
    rule: 'NCI rule (CTCAE v5.0): a reaction due to the infusion is reported as "infusion related reaction", not also as an allergic reaction. The other is recorded as a sign of the one chosen.',
    recordedAsSign: '"{{sign}}" recorded as a sign of "{{of}}"',
  },
  proteinuriaDoubling: {
    threshold: 'Threshold: > {{threshold}} g/24 h (baseline proteinuria: {{baseline}} g/24 h)',
    reading:
      'Doubled proteinuria: 2 × the baseline, never less than 1 g/24 h for a baseline < 0.5 g/24 h, nor 2 g/24 h for a baseline > 1 g/24 h.',
  },
  steroidSparing: {
    period: 'Mean of days {{from}} to {{to}} (weeks 40–52: the M12 record, mean daily dose since M9)',
    baseline: 'M0 dose: {{mg}} mg/day',
  },
  tolerance: {
    window: 'Tolerance window: from the start of the infusion ({{from}}) to the end of day 10 ({{to}})',
  },
};
