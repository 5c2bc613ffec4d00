import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChecklistEntry } from '@/domain/monitoring';
import { adverseEventTermFor, ctcaeTerm } from '@/domain/safety/ctcae';
import type { LabBaseline } from '@/domain/monitoring/lab-baselines';
import { gradeLab, LAB_TERMS, type LabResult, type LabTerm } from '@/domain/safety/labs';
import { langOf } from '@/features/adverse-events';
import type { CtcaeGrade } from '@/schema/adverse-events';
import type { CheckLab } from '@/schema/monitoring';
import { Field } from '@/ui/Field';
import { formatDate, formatNumber, parseDecimal } from '@/ui/format';
import type { ChecklistValues } from './ChecklistForm';

// The labs of days 1, 3 and 10 (blood count, creatinine, ALT, AST): each value with its lab's normal limits,
// graded live by gradeLab — against the participant's pre-infusion value where CTCAE grades by baseline (ALT/AST
// with an abnormal baseline, creatinine) — with the rule that produced the grade. Saving the check confirms it.

/** The screening's assessment date and its pre-infusion values (labBaselinesFromEligibility). */
export type LabScreening = { date: string; values: Partial<Record<LabTerm, LabBaseline>> };

export type LabRow = { value: string; lln: string; uln: string; baseline: string };
export type LabValues = Record<LabTerm, LabRow>;

export const LAB_UNITS: Record<LabTerm, string> = {
  anemia: 'g/dL',
  neutrophilCountDecreased: 'G/L',
  plateletCountDecreased: 'G/L',
  lymphocyteCountDecreased: 'G/L',
  alanineAminotransferaseIncreased: 'U/L',
  aspartateAminotransferaseIncreased: 'U/L',
  creatinineIncreased: 'µmol/L',
};
const DECREASED: readonly LabTerm[] = [
  'anemia',
  'neutrophilCountDecreased',
  'plateletCountDecreased',
  'lymphocyteCountDecreased',
];
const usesBaseline = (term: LabTerm) => !DECREASED.includes(term);

export const emptyLabs = (): LabValues =>
  Object.fromEntries(LAB_TERMS.map((t) => [t, { value: '', lln: '', uln: '', baseline: '' }])) as LabValues;

/** The lab's grade from the typed values; null while no value is typed. */
export function labResult(term: LabTerm, row: LabRow | undefined): LabResult | null {
  if (!row || row.value.trim() === '') return null;
  const n = (s: string) => (s.trim() === '' ? undefined : (parseDecimal(s) ?? Number.NaN));
  const lln = n(row.lln);
  const uln = n(row.uln);
  const baseline = usesBaseline(term) ? n(row.baseline) : undefined;
  return gradeLab({
    term,
    value: n(row.value)!,
    ...(lln !== undefined ? { lln } : {}),
    ...(uln !== undefined ? { uln } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
  });
}

/** The check's lab records and, for each graded ≥ 1, a "present" entry with its grading. */
export function labEntries(values: LabValues): { entries: ChecklistEntry[]; records: CheckLab[] } {
  const entries: ChecklistEntry[] = [];
  const records: CheckLab[] = [];
  for (const term of LAB_TERMS) {
    const row = values[term];
    const result = labResult(term, row);
    if (!result || result.status !== 'complete') continue;
    const num = (s: string) => (s.trim() === '' ? undefined : parseDecimal(s));
    const record: CheckLab = {
      term,
      value: num(row.value)!,
      ...(num(row.lln) !== undefined ? { lln: num(row.lln) } : {}),
      ...(num(row.uln) !== undefined ? { uln: num(row.uln) } : {}),
      ...(usesBaseline(term) && num(row.baseline) !== undefined ? { baseline: num(row.baseline) } : {}),
      proposedGrade: result.grade,
    };
    records.push(record);
    if (result.grade === 0) entries.push({ item: term, present: false });
    else
      entries.push({
        item: term,
        present: true,
        term: adverseEventTermFor(term),
        grade: result.grade as CtcaeGrade,
        labGrading: record,
      });
  }
  return { entries, records };
}

export function LabsSection({
  form,
  screening,
}: {
  form: UseFormReturn<ChecklistValues>;
  screening?: LabScreening | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="labs-title" data-testid="labs">
      <h2 id="labs-title">{t('monitoring.labs')}</h2>
      {LAB_TERMS.map((term) => (
        <LabRowFields key={term} term={term} form={form} screening={screening} />
      ))}
    </section>
  );
}

function LabRowFields({
  term,
  form,
  screening,
}: {
  term: LabTerm;
  form: UseFormReturn<ChecklistValues>;
  screening: LabScreening | undefined;
}) {
  const { t, i18n } = useTranslation();
  const fromScreening = screening?.values[term];
  const screeningDate = screening ? formatDate(`${screening.date}T12:00:00`, i18n.language) : '';
  const row = useWatch({ control: form.control, name: `labs.${term}` });
  const result = labResult(term, row);
  const limit = DECREASED.includes(term) ? 'lln' : 'uln';
  const name = ctcaeTerm(term)[langOf(i18n.language)].term;
  return (
    <fieldset
      className={`lab-row${result?.status === 'complete' && result.grade > 0 ? ' lab-abnormal' : ''}`}
      data-testid={`lab-${term}`}
    >
      <legend>{name}</legend>
      <div className="grid lab-grid">
        <Field id={`lab-${term}-value`} label={t('monitoring.labValue', { unit: LAB_UNITS[term] })}>
          <input
            id={`lab-${term}-value`}
            inputMode="decimal"
            autoComplete="off"
            {...form.register(`labs.${term}.value`)}
          />
        </Field>
        <Field id={`lab-${term}-${limit}`} label={t(`monitoring.${limit}`)}>
          <input
            id={`lab-${term}-${limit}`}
            inputMode="decimal"
            autoComplete="off"
            {...form.register(`labs.${term}.${limit}`)}
          />
        </Field>
        {usesBaseline(term) && (
          <Field
            id={`lab-${term}-baseline`}
            label={t('monitoring.baseline')}
            {...(fromScreening?.baseline !== undefined
              ? {
                  hint: t('monitoring.baselineFromScreening', {
                    value: formatNumber(fromScreening.baseline, i18n.language),
                    date: screeningDate,
                  }),
                }
              : {})}
          >
            <input
              id={`lab-${term}-baseline`}
              inputMode="decimal"
              autoComplete="off"
              {...form.register(`labs.${term}.baseline`)}
            />
          </Field>
        )}
      </div>
      {fromScreening?.reference !== undefined && (
        <p className="muted" data-testid={`lab-reference-${term}`}>
          {t('monitoring.screeningReference', {
            value: formatNumber(fromScreening.reference, i18n.language),
            unit: LAB_UNITS[term],
            date: screeningDate,
          })}
        </p>
      )}
      {result && (
        <p className="lab-grade" role="status" data-testid={`lab-grade-${term}`}>
          {result.status === 'complete' ? (
            <>
              <strong className={`grade-badge grade-${result.grade}`}>
                {t('monitoring.labGrade', { grade: result.grade })}
              </strong>{' '}
              {t(`monitoring.labGradeBasis.${result.basis}`, {
                ratio:
                  result.ratio !== undefined
                    ? formatNumber(result.ratio, i18n.language, { maximumFractionDigits: 2 })
                    : '',
              })}
            </>
          ) : (
            t('monitoring.labIncomplete', {
              missing: result.missing
                .map((m) => t(`monitoring.${m === 'value' ? 'labValue' : m}`, { unit: LAB_UNITS[term] }))
                .join(', '),
            })
          )}
        </p>
      )}
    </fieldset>
  );
}
