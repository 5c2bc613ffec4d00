const MS_PER_DAY = 86_400_000;

const utcMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** Day of `date` counted from the infusion day (day 0; shared/clinical/visits.md), from calendar dates alone. */
export function studyDay(date: string, infusionDate: string): number {
  return Math.round((utcMidnight(date) - utcMidnight(infusionDate)) / MS_PER_DAY);
}

export type Dated = { date: string; day: number };

/** Dated entries with their study day, earliest first (entries of one day keep the order they came in). */
export function inStudyDayOrder<T extends { date: string }>(items: readonly T[], infusionDate: string) {
  return items
    .map((item) => ({ ...item, day: studyDay(item.date, infusionDate) }))
    .sort((a, b) => a.day - b.day);
}

/** Dates carried by more than one entry of a day-ordered list: one date holds one entry, so these are data errors. */
export function repeatedDates(ordered: readonly Dated[]): string[] {
  return [
    ...new Set(
      ordered.filter((item, index) => ordered[index - 1]?.day === item.day).map((item) => item.date),
    ),
  ];
}
