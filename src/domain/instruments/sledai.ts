import type { z } from 'zod';
import { SLEDAI_IDS, sledaiAnswersSchema, type sledaiIdSchema } from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from './input-check';

// SELENA-SLEDAI (shared/clinical/sledai.md): 24 descriptors, each counted with its weight when present within the
// 10 days before the assessment. Weights: Bombardier C et al., Arthritis Rheum 1992;35:630, with the SELENA
// modifications of Petri M et al., NEJM 2005;353:2550; 8 × 8 + 6 × 4 + 7 × 2 + 3 × 1 = 105.

export type SledaiId = z.infer<typeof sledaiIdSchema>;
export type SledaiWeight = 1 | 2 | 4 | 8;
export type SledaiSystem =
  | 'centralNervousSystem'
  | 'vascular'
  | 'musculoskeletal'
  | 'renal'
  | 'mucocutaneous'
  | 'serosal'
  | 'immunological'
  | 'constitutional'
  | 'haematological';
export type SledaiDescriptor = { id: SledaiId; weight: SledaiWeight; system: SledaiSystem };

const WEIGHTS: Record<SledaiId, Omit<SledaiDescriptor, 'id'>> = {
  seizure: { weight: 8, system: 'centralNervousSystem' },
  psychosis: { weight: 8, system: 'centralNervousSystem' },
  organicBrainSyndrome: { weight: 8, system: 'centralNervousSystem' },
  visualDisturbance: { weight: 8, system: 'centralNervousSystem' },
  cranialNerveDisorder: { weight: 8, system: 'centralNervousSystem' },
  lupusHeadache: { weight: 8, system: 'centralNervousSystem' },
  cva: { weight: 8, system: 'centralNervousSystem' },
  vasculitis: { weight: 8, system: 'vascular' },
  arthritis: { weight: 4, system: 'musculoskeletal' },
  myositis: { weight: 4, system: 'musculoskeletal' },
  urinaryCasts: { weight: 4, system: 'renal' },
  hematuria: { weight: 4, system: 'renal' },
  proteinuria: { weight: 4, system: 'renal' },
  pyuria: { weight: 4, system: 'renal' },
  rash: { weight: 2, system: 'mucocutaneous' },
  alopecia: { weight: 2, system: 'mucocutaneous' },
  mucosalUlcers: { weight: 2, system: 'mucocutaneous' },
  pleurisy: { weight: 2, system: 'serosal' },
  pericarditis: { weight: 2, system: 'serosal' },
  lowComplement: { weight: 2, system: 'immunological' },
  increasedDnaBinding: { weight: 2, system: 'immunological' },
  fever: { weight: 1, system: 'constitutional' },
  thrombocytopenia: { weight: 1, system: 'haematological' },
  leukopenia: { weight: 1, system: 'haematological' },
};

/** The 24 descriptors in the instrument's order, with their weights. */
export const SLEDAI_DESCRIPTORS: readonly SledaiDescriptor[] = SLEDAI_IDS.map((id) => ({
  id,
  ...WEIGHTS[id],
}));

/** 105: every descriptor present. */
export const SLEDAI_MAX_TOTAL = SLEDAI_DESCRIPTORS.reduce((sum, { weight }) => sum + weight, 0);

/** SELENA-SLEDAI total (0–105); complete only when all 24 descriptors are answered present or absent. */
export function scoreSledai(answers: Partial<Record<SledaiId, boolean>>): Scored<{ total: number }> {
  const checked = checkInput(sledaiAnswersSchema, answers, { required: SLEDAI_IDS });
  if (!checked.ok) return incomplete(checked.missing);
  const total = SLEDAI_DESCRIPTORS.reduce((sum, { id, weight }) => sum + (checked.value[id] ? weight : 0), 0);
  return complete({ total });
}
