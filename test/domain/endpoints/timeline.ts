import { BILAG_SYSTEMS } from '@/schema/instruments';
import type { BilagGrade, BilagSystem } from '@/domain/instruments';

/** The calendar date `days` after `from` (YYYY-MM-DD), to write study timelines in days from the infusion. */
export const dateAfter = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** All nine BILAG systems at `grade`, with some systems graded otherwise. */
export const bilagAll = (grade: BilagGrade, overrides: Partial<Record<BilagSystem, BilagGrade>> = {}) => ({
  ...(Object.fromEntries(BILAG_SYSTEMS.map((system) => [system, grade])) as Record<BilagSystem, BilagGrade>),
  ...overrides,
});
