import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import { infusionDateOf, toleranceEvents } from '@/db/tolerance';
import type { StoredRecord } from '@/db/types';
import {
  cohortCounts,
  cohortDoseLevel,
  cohortMemberStatus,
  recommendNextDose,
  type CohortMemberStatus,
  type NextDoseRecommendation,
} from '@/domain';
import { DOSING_CONFIG } from '@/domain/dosing/config';
import type { DoseDecision, DoseLevel } from '@/schema/dosing';
import type { Participant } from '@/schema/participant';
import { useWriteContext } from '@/session/session-store';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList } from '@/session/SignatureList';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { DecisionSummary } from './DecisionSummary';
import { refusalText } from './refusal-text';
import { localToday } from './ScreeningPage';
import { recordDoseDecision } from './screening-commands';
import './screening.css';
import './messages';

export type CohortRow = { record: StoredRecord; participant: Participant; status: CohortMemberStatus };

/** Every cohort's members with their tolerance status, and the recorded decisions, as this tablet knows them. */
async function decisionData(today: string) {
  const db = getDb();
  const participants = (
    await db.records.where('kind').equals('participant').sortBy('data.trialNumber')
  ).filter((r) => !r.voided && typeof r.data.cohort === 'number');
  const rows: CohortRow[] = [];
  for (const record of participants) {
    // Adverse events, once the monitoring workflow records them (kind "adverseEvent"); none until then.
    // The monitoring's adverse events: worst grade over time, the physician's signed DLT determination (issue 22).
    const events = await toleranceEvents(db, record.id);
    const recorded = record.data as Participant;
    // The infusion workflow's start is the date of record; the dossier's date for an infusion recorded elsewhere.
    const infusionDate = (await infusionDateOf(db, record.id)) ?? recorded.infusionDate;
    const participant = infusionDate ? { ...recorded, infusionDate } : recorded;
    rows.push({
      record,
      participant,
      status: cohortMemberStatus({ infusionDate, events, today }),
    });
  }
  const decisions = (await db.records.where('kind').equals('doseDecision').toArray())
    .filter((r) => !r.voided && r.syncState !== 'rejected')
    .sort((a, b) => String(a.data.decidedAt).localeCompare(String(b.data.decidedAt)));
  return { rows, decisions };
}

export default function DoseDecisionPage() {
  const { t } = useTranslation();
  const [today] = useState(() => localToday());
  const data = useLiveQuery(() => decisionData(today), [today]);
  if (!data) return <p aria-busy="true">{t('loading')}</p>;
  const cohorts = [1, ...(data.rows.some((r) => r.participant.cohort === 2) ? [2] : [])];
  const decisionRecords = data.decisions;
  return (
    <section className="screening">
      <h1>{t('screening.decision.title')}</h1>
      {data.rows.length === 0 && <p>{t('screening.decision.noCohort')}</p>}
      {cohorts.map((cohort) => {
        const doseLevel = cohortDoseLevel(
          decisionRecords.map((r) => r.data as DoseDecision),
          cohort,
        );
        return (
          <CohortDecisionView
            key={cohort}
            cohort={cohort}
            doseLevel={doseLevel ?? DOSING_CONFIG.firstCohortDoseLevel}
            rows={data.rows.filter((r) => r.participant.cohort === cohort)}
            decisions={decisionRecords.filter((r) => (r.data.cohort ?? 1) === cohort)}
          />
        );
      })}
    </section>
  );
}

export function CohortDecisionView({
  cohort,
  doseLevel,
  rows,
  decisions,
}: {
  cohort: number;
  doseLevel: DoseLevel;
  rows: readonly CohortRow[];
  decisions: readonly StoredRecord[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const [signing, setSigning] = useState<string | null>(null);
  const close = useCallback(() => setSigning(null), []);
  const counts = cohortCounts(rows.map((r) => r.status));
  const recommendation = recommendNextDose({ ...counts, doseLevel });
  return (
    <section className="panel" aria-labelledby={`cohort-${cohort}`} data-testid={`cohort-${cohort}`}>
      <h2 id={`cohort-${cohort}`}>{t('screening.decision.cohort', { cohort, dose: doseLevel })}</h2>
      <div className="table-scroll">
        <table className="decision-table">
          <thead>
            <tr>
              <th>{t('screening.decision.table.participant')}</th>
              <th>{t('screening.decision.table.infusion')}</th>
              <th>{t('screening.decision.table.day10')}</th>
              <th>{t('screening.decision.table.worstGrade')}</th>
              <th>{t('screening.decision.table.dlt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ record, participant, status }) => (
              <tr key={record.id} data-testid={`decision-row-${participant.trialNumber}`}>
                <td>
                  {participant.trialNumber} · {participant.initials}
                </td>
                <td>
                  {participant.infusionDate
                    ? format.date(`${participant.infusionDate}T12:00:00`)
                    : t('screening.decision.table.notInfused')}
                </td>
                <td>
                  {!status.infused
                    ? '—'
                    : status.completed
                      ? t('screening.decision.table.completed')
                      : t('screening.decision.table.inWindow')}
                </td>
                <td data-testid="decision-worst">
                  {status.infused ? status.worstGrade || t('screening.decision.table.none') : '—'}
                </td>
                <td data-testid="decision-dlt">
                  {!status.infused
                    ? '—'
                    : status.dlt
                      ? t('screening.yes')
                      : status.dltPending
                        ? t('screening.decision.table.dltPending')
                        : status.completed
                          ? t('screening.no')
                          : t('screening.decision.table.noDltYet')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DecisionSummary cohort={cohort} counts={counts} recommendation={recommendation} />
      {decisions.map((d) => (
        <div key={d.id} className="panel" data-testid="recorded-decision">
          <p>
            {t('screening.decision.recorded', {
              when: format.dateTime(String(d.data.decidedAt)),
              decision: t(`screening.decision.choose.${String(d.data.decision)}`, {
                dose: d.data.nextDoseLevel ?? '',
              }),
              rationale: String(d.data.rationale),
            })}
          </p>
          <SignatureList record={d} />
          {ctx?.role === 'physician' && (
            <button type="button" className="secondary" onClick={() => setSigning(d.id)}>
              {t('signature.sign')}
            </button>
          )}
        </div>
      ))}
      {ctx?.role === 'physician' ? (
        decisions.length === 0 && (
          <DecisionForm
            cohort={cohort}
            doseLevel={doseLevel}
            counts={counts}
            recommendation={recommendation}
            onSaved={setSigning}
          />
        )
      ) : (
        <p className="muted">{t('screening.decision.readOnly')}</p>
      )}
      {signing && (
        <SignatureDialog recordId={signing} meaning="dose-decision" onClose={close} onSigned={close} />
      )}
    </section>
  );
}

function DecisionForm({
  cohort,
  doseLevel,
  counts,
  recommendation,
  onSaved,
}: {
  cohort: number;
  doseLevel: DoseLevel;
  counts: ReturnType<typeof cohortCounts>;
  recommendation: NextDoseRecommendation;
  onSaved: (recordId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const ladder = DOSING_CONFIG.doseLevels;
  const rung = ladder.indexOf(doseLevel);
  const complete = recommendation.decision !== 'wait';
  // The choice is never preselected: at "hold" the protocol has no rule, and the physician must choose.
  const [choice, setChoice] = useState<'' | 'escalate' | 'de-escalate' | 'pause'>('');
  const [rationale, setRationale] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const options = [
    ...(ladder[rung - 1] !== undefined && complete
      ? [{ value: 'de-escalate' as const, dose: ladder[rung - 1] }]
      : []),
    ...(ladder[rung + 1] !== undefined && complete
      ? [{ value: 'escalate' as const, dose: ladder[rung + 1] }]
      : []),
    { value: 'pause' as const, dose: undefined },
  ];
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ctx) return;
    if (!choice) return setNotice({ tone: 'error', text: t('screening.decision.choiceRequired') });
    if (!rationale.trim())
      return setNotice({ tone: 'error', text: t('screening.decision.rationaleRequired') });
    const result = await recordDoseDecision(getDb(), ctx, {
      cohort,
      doseLevel,
      ...counts,
      decision: choice,
      rationale: rationale.trim(),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice(null);
    onSaved(result.recordId);
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate data-testid="decision-form">
      <h3>{t('screening.decision.form')}</h3>
      <fieldset className="choice">
        <legend>{t('screening.decision.choice')}</legend>
        {options.map((option) => (
          <label key={option.value} className="choice-option">
            <input
              type="radio"
              name={`decision-${cohort}`}
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
            />
            <span>{t(`screening.decision.choose.${option.value}`, { dose: option.dose })}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`rationale-${cohort}`}>{t('screening.decision.rationale')}</label>
        <textarea
          id={`rationale-${cohort}`}
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </div>
      <FormNotice notice={notice} />
      <button type="submit" data-testid="save-decision">
        {t('screening.decision.save')}
      </button>
    </form>
  );
}
