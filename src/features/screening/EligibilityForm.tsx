import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QueryMarker, useOpenQueries } from '@/features/queries';
import { Link } from 'react-router';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import {
  assessEligibility,
  type CriterionId,
  type CriterionResult,
  type EligibilityAssessment,
} from '@/domain';
import type { EligibilityRecord } from '@/schema/screening';
import { useWriteContext } from '@/session/session-store';
import { useDraft } from '@/session/use-draft';
import { DraftChoice } from '@/ui/DraftChoice';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { CRITERION_FACTS, CRITERION_GROUPS, IDENTITY_FACTS } from './eligibility-fields';
import { FactField, FieldProblemText } from './FactField';
import { readFacts, valuesFromFacts, type FormValues } from './fact-values';
import { dateTextFromIso, isoFromDateText } from '@/ui/date-time-entry';
import { reasonText } from './reason-text';
import { refusalText } from './refusal-text';
import { saveEligibility } from './screening-commands';

/** Where the SLEDAI form is filled (the visits workflow's route). */
// The screening SLEDAI is the M0 visit's form (the visits workflow's route): M0 is the pre-infusion baseline.
export const SLEDAI_FORM_PATH = (participantId: string) => `/participants/${participantId}/visits/M0/sledai`;

function initialValues(record: StoredRecord | undefined, today: string): FormValues {
  const data = record?.data as EligibilityRecord | undefined;
  return {
    ...(data ? valuesFromFacts(data.facts) : {}),
    screeningDate: dateTextFromIso(data?.screeningDate ?? today),
    consentDate: data?.consentDate ? dateTextFromIso(data.consentDate) : '',
    reason: '',
  };
}

/** The live reading of the form: the facts accepted, the values refused, and the core's assessment of them. */
export function useLiveAssessment(values: FormValues, today: string) {
  return useMemo(() => {
    const { facts, problems } = readFacts(values, today);
    const screeningDate = isoFromDateText(values.screeningDate ?? '') ?? today;
    const consentDate = isoFromDateText(values.consentDate ?? '');
    if ((values.consentDate ?? '').trim() && !consentDate) problems.consentDate = { problem: 'dateInvalid' };
    const withConsent = consentDate ? { ...facts, consentSigned: true } : facts;
    return {
      facts,
      problems,
      screeningDate,
      consentDate,
      assessment: assessEligibility(withConsent, screeningDate),
    };
  }, [values, today]);
}

export function EligibilityForm({
  participantId,
  record,
  today,
  onSaved,
}: {
  participantId: string;
  record: StoredRecord | undefined;
  /** 'YYYY-MM-DD' on this tablet. */
  today: string;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const openQueries = useOpenQueries();
  const form = useForm<FormValues>({ defaultValues: initialValues(record, today) });
  const draft = useDraft(form, ctx?.userId, `eligibility:${participantId}`);
  const values = form.watch();
  const live = useLiveAssessment(values, today);
  const [notice, setNotice] = useState<Notice | null>(null);
  const canEdit = ctx?.role === 'physician';
  const byId = new Map(live.assessment.criteria.map((c) => [c.id, c]));

  const submit = form.handleSubmit(async (current) => {
    if (!ctx) return;
    const reading = readFacts(current, today);
    const refused = Object.keys(reading.problems);
    if (refused.length > 0 || live.problems.consentDate) {
      const names = [...refused, ...(live.problems.consentDate ? ['consentDate'] : [])];
      return setNotice({
        tone: 'error',
        text: t('screening.invalidFacts', { facts: names.map((f) => t(`eligibility.fact.${f}`)).join(', ') }),
      });
    }
    draft.cancelPending();
    const result = await saveEligibility(getDb(), ctx, {
      participantId,
      screeningDate: live.screeningDate,
      ...(live.consentDate ? { consentDate: live.consentDate } : {}),
      facts: reading.facts,
      ...(record ? { reason: current.reason ?? '' } : {}),
      draftKey: draft.key,
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    form.reset({ ...current, reason: '' });
    setNotice({ tone: 'ok', text: t('screening.saved') });
    onSaved?.();
  });

  const criterion = (id: CriterionId) => {
    const result = byId.get(id)!;
    return (
      <CriterionCard key={id} result={result} assessment={live.assessment}>
        {id === 'I1' && (
          <AgeLine values={values} assessment={live.assessment} screeningDate={live.screeningDate} />
        )}
        {id === 'I3' && (
          <p>
            <Link to={SLEDAI_FORM_PATH(participantId)}>{t('screening.sledaiLink')}</Link>
          </p>
        )}
        {id === 'I8' && (
          <div className={live.problems.consentDate ? 'field field-invalid' : 'field'}>
            <label htmlFor="fact-consentDate">{t('eligibility.fact.consentDate')}</label>
            <input
              id="fact-consentDate"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('screening.dateHint')}
              {...form.register('consentDate')}
            />
            <FieldProblemText id="fact-consentDate" problem={live.problems.consentDate} />
          </div>
        )}
        {id === 'NI2a' && <RenalLine assessment={live.assessment} values={values} />}
        {CRITERION_FACTS[id].map((input) => (
          <FactField
            key={input.id}
            input={input}
            register={form.register}
            problem={live.problems[input.id]}
          />
        ))}
      </CriterionCard>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="eligibility-form" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t('eligibility.group.identity')}</h2>
      {record && openQueries?.has(record.id) && (
        <p className="actions">
          <QueryMarker threads={openQueries.get(record.id)} />
        </p>
      )}
      <DraftChoice draft={draft} />
      <fieldset disabled={!canEdit || draft.locked} className="plain">
        <div className="panel grid">
          <div className="field">
            <label htmlFor="fact-screeningDate">{t('eligibility.fact.screeningDate')}</label>
            <input
              id="fact-screeningDate"
              inputMode="numeric"
              placeholder={t('screening.dateHint')}
              {...form.register('screeningDate')}
            />
          </div>
          {IDENTITY_FACTS.map((input) => (
            <FactField
              key={input.id}
              input={input}
              register={form.register}
              problem={live.problems[input.id]}
            />
          ))}
        </div>
        {CRITERION_GROUPS.map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.id}`} className="criteria-group">
            <h2 id={`group-${group.id}`}>{t(`eligibility.group.${group.id}`)}</h2>
            {group.rows.map((row) =>
              typeof row === 'string' ? (
                criterion(row)
              ) : (
                <section
                  key={row.sub}
                  className="criteria-subgroup"
                  aria-label={t(`eligibility.group.${row.sub}`)}
                >
                  <h3>{t(`eligibility.group.${row.sub}`)}</h3>
                  {row.ids.map(criterion)}
                </section>
              ),
            )}
          </section>
        ))}
      </fieldset>
      <div className="panel sticky-actions">
        <VerdictLine assessment={live.assessment} />
        {record && canEdit && form.formState.isDirty && (
          <div className="field">
            <label htmlFor="eligibility-reason">{t('screening.reasonForChange')}</label>
            <input id="eligibility-reason" {...form.register('reason')} />
          </div>
        )}
        <FormNotice notice={notice} />
        {canEdit && (
          <button type="submit" disabled={draft.locked}>
            {t('screening.save')}
          </button>
        )}
      </div>
    </form>
  );
}

function CriterionCard({
  result,
  children,
}: {
  result: CriterionResult;
  assessment: EligibilityAssessment;
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const tone = result.answer === 'unknown' ? 'warn' : result.excludes ? 'danger' : 'ok';
  return (
    <article
      className={`criterion criterion-${tone}`}
      data-testid={`criterion-${result.id}`}
      aria-labelledby={`criterion-${result.id}-title`}
    >
      <header>
        <h4 id={`criterion-${result.id}-title`}>{t(`eligibility.criterion.${result.id}`)}</h4>
        <span className={`pill pill-${tone}`} data-testid={`answer-${result.id}`} data-answer={result.answer}>
          {t(`eligibility.answer.${result.kind}.${result.answer}`)}
        </span>
      </header>
      <p className="criterion-reason" data-testid={`reason-${result.id}`}>
        {reasonText(t, i18n.language, result)}
      </p>
      {children}
    </article>
  );
}

function AgeLine({
  values,
  assessment,
  screeningDate,
}: {
  values: FormValues;
  assessment: EligibilityAssessment;
  screeningDate: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const age = assessment.computed.ageYears;
  const birth = isoFromDateText(values.birthDate ?? '');
  if (age === undefined || !birth) return null;
  return (
    <p className="computed" data-testid="computed-age">
      <strong>{t('screening.computed')}</strong> —{' '}
      {t('screening.ageComputed', {
        age,
        date: format.date(`${screeningDate}T12:00:00`),
        birthDate: format.date(`${birth}T12:00:00`),
      })}
      <br />
      <small>{t('screening.ageReading')}</small>
    </p>
  );
}

function RenalLine({ assessment, values }: { assessment: EligibilityAssessment; values: FormValues }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { creatinineClearance, ckdEpi2021, ageYears } = assessment.computed;
  if (creatinineClearance === undefined || ckdEpi2021 === undefined || ageYears === undefined)
    return <p className="muted">{t('screening.renalNeeds')}</p>;
  return (
    <p className="computed" data-testid="computed-renal">
      <strong>{t('screening.computed')}</strong> —{' '}
      {t('screening.renalComputed', {
        clearance: format.number(creatinineClearance, { maximumFractionDigits: 1 }),
        ckdEpi2021: format.number(ckdEpi2021, { maximumFractionDigits: 0 }),
        age: ageYears,
        weight: values.weightKg,
        sex: values.sex === 'F' ? t('participants.sexF') : t('participants.sexM'),
        creatinine: values.creatinineUmolL,
      })}
    </p>
  );
}

export function VerdictLine({
  assessment,
}: {
  assessment: Pick<EligibilityAssessment, 'verdict' | 'excludedBy' | 'unknown'>;
}) {
  const { t } = useTranslation();
  const tone =
    assessment.verdict === 'eligible' ? 'ok' : assessment.verdict === 'ineligible' ? 'danger' : 'warn';
  return (
    <p className="verdict" data-testid="verdict" data-verdict={assessment.verdict}>
      <span className={`pill pill-${tone}`}>{t(`screening.verdict.${assessment.verdict}`)}</span>{' '}
      {assessment.verdict === 'ineligible' &&
        t('screening.verdict.excludedBy', {
          criteria: assessment.excludedBy.map((id) => criterionShort(t, id)).join(', '),
        })}
      {assessment.verdict === 'incomplete' &&
        t('screening.verdict.missing', { count: assessment.unknown.length })}
    </p>
  );
}

/** I3 → "critère d’inclusion 3", NI2a → "critère de non-inclusion 2a", as the synopsis numbers them. */
export function criterionShort(t: TFunction, id: string): string {
  const [, kind, n] = /^(NI|I)(.+)$/.exec(id) ?? [];
  return kind ? t(`screening.verdict.criterion${kind}`, { n }) : id;
}
