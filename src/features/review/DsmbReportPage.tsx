import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsmbCohort, DsmbParticipant, DsmbReport, SignedBy } from '@/domain/dsmb-report';
import { langOf, useTermInfo } from '@/features/adverse-events';
import { DecisionSummary } from '@/features/screening';
import type { AdverseEventTerm } from '@/schema/adverse-events';
import { useRole } from '@/session/session-store';
import { useFormat } from '@/ui/use-format';
import { reviewerGet, type ExportApiOptions, type ExportFailure } from './export-api';
import './dsmb-messages';
import './dsmb-report.css';

type Load =
  { state: 'loading' } | { state: 'error'; error: ExportFailure } | { state: 'ready'; report: DsmbReport };

/** The report as the store computed it (server/export/dsmb-report.ts; audited there). */
async function fetchReport(api?: ExportApiOptions): Promise<Load> {
  const result = await reviewerGet('/api/reports/dsmb', api);
  if (!result.ok) return { state: 'error', error: result.error };
  return { state: 'ready', report: (await result.response.json()) as DsmbReport };
}

/**
 * The DSMB tolerance report (issue 24 item 4): computed on the central store from its records with the tablets'
 * domain functions, shown here in words, printable (print stylesheet: the browser's print makes the PDF). Data
 * managers and physicians, online.
 */
export default function DsmbReportPage({ api }: { api?: ExportApiOptions }) {
  const { t } = useTranslation();
  const role = useRole();
  const allowed = role === 'data-manager' || role === 'physician';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(() => {
    setLoad({ state: 'loading' });
    void fetchReport(api).then(setLoad);
  }, [api]);
  useEffect(() => {
    if (!allowed) return;
    let cancelled = false;
    void fetchReport(api).then((next) => {
      if (!cancelled) setLoad(next);
    });
    return () => {
      cancelled = true;
    };
  }, [allowed, api]);

  if (!allowed) {
    return (
      <section>
        <h1>{t('dsmb.title')}</h1>
        <p role="alert">{t('dsmb.onlyReviewers')}</p>
      </section>
    );
  }
  if (load.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (load.state === 'error') {
    return (
      <section>
        <h1>{t('dsmb.title')}</h1>
        <p role="alert">{t(`dsmb.error.${load.error}`)}</p>
        <button type="button" onClick={reload}>
          {t('dsmb.reload')}
        </button>
      </section>
    );
  }
  return <DsmbReportView report={load.report} onReload={reload} />;
}

export function DsmbReportView({ report, onReload }: { report: DsmbReport; onReload?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = (value: number) => format.number(value, { maximumFractionDigits: 3 });
  const s = report.settings;
  return (
    <article className="dsmb-report" data-testid="dsmb-report">
      <p className="no-print dsmb-actions">
        <button type="button" onClick={() => window.print()}>
          {t('dsmb.print')}
        </button>
        {onReload && (
          <button type="button" className="secondary" onClick={onReload}>
            {t('dsmb.reload')}
          </button>
        )}
      </p>
      <header className="dsmb-header">
        <h1>{t('dsmb.title')}</h1>
        <p>{t('dsmb.study')}</p>
        <p>{t('dsmb.scope', { lastDay: report.toleranceLastDay })}</p>
        <p data-testid="dsmb-as-of">
          {t('dsmb.asOf', {
            when: format.dateTime(report.takenAt, { seconds: true }),
            seq: report.lastSeq,
            today: format.date(`${report.today}T12:00:00`),
          })}
        </p>
        <p data-testid="dsmb-produced-by">
          {t('dsmb.producedBy', {
            name: report.producedBy.name,
            role: report.producedBy.role ? t(`session.role.${report.producedBy.role}`) : '',
            id: report.reportId,
          })}
        </p>
      </header>
      <section className="panel dsmb-rule" data-testid="dsmb-rule">
        <h2>{t('dsmb.rule.title')}</h2>
        <p>
          {t('dsmb.rule.text', {
            a: n(s.prior.a),
            b: n(s.prior.b),
            threshold: n(s.threshold),
            lastDay: report.toleranceLastDay,
            size: s.cohortSize,
            deEscalateAt: n(s.deEscalateAt),
            escalateAt: n(s.escalateAt),
            safetySignalAt: n(s.safetySignalAt),
          })}
        </p>
        <p>{t('dsmb.rule.doseLevels', { levels: report.doseLevels.map((l) => n(l)).join(', ') })}</p>
        <p>
          <strong>{t('dsmb.rule.dlt')} : </strong>
          {t('screening.config.dltText')}
        </p>
      </section>
      {report.cohorts.map((cohort) => (
        <CohortSection key={cohort.cohort} cohort={cohort} />
      ))}
    </article>
  );
}

function CohortSection({ cohort }: { cohort: DsmbCohort }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="dsmb-cohort" data-testid={`dsmb-cohort-${cohort.cohort}`}>
      <h2>{t('screening.decision.cohort', { cohort: cohort.cohort, dose: cohort.doseLevel })}</h2>
      <h3>{t('dsmb.cohort.participants')}</h3>
      {cohort.participants.length === 0 ? (
        <p>{t('dsmb.cohort.none')}</p>
      ) : (
        <ParticipantsTable participants={cohort.participants} />
      )}
      {cohort.participants.map((participant) => (
        <ParticipantDetail key={participant.patientId} participant={participant} />
      ))}
      <section className="panel dsmb-decision" data-testid={`dsmb-decision-${cohort.cohort}`}>
        <h3>{t('dsmb.cohort.decision')}</h3>
        <DecisionSummary
          cohort={cohort.cohort}
          counts={cohort.counts}
          recommendation={cohort.recommendation}
          testIdPrefix="dsmb-"
        />
        <h4>{t('dsmb.cohort.recordedDecisions')}</h4>
        {cohort.decisions.length === 0 ? (
          <p>{t('dsmb.cohort.noDecision')}</p>
        ) : (
          <ul>
            {cohort.decisions.map((d) => (
              <li key={d.decidedAt} data-testid="dsmb-recorded-decision">
                {t('screening.decision.recorded', {
                  when: format.dateTime(d.decidedAt),
                  decision:
                    d.decision === 'hold'
                      ? t('screening.decision.hold')
                      : t(`screening.decision.choose.${d.decision}`, { dose: d.nextDoseLevel ?? '' }),
                  rationale: d.rationale,
                })}{' '}
                — <Signatures signatures={d.signatures} none={t('dsmb.decisionUnsigned')} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function Signatures({ signatures, none }: { signatures: readonly SignedBy[]; none: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (signatures.length === 0) return <>{none}</>;
  return (
    <>
      {signatures
        .map((s) => t('dsmb.decisionSigned', { who: s.signerName, when: format.dateTime(s.signedAt) }))
        .join(' ; ')}
    </>
  );
}

/** The DLT column: the physician's signed determination, else what is pending. */
function dltText(t: (key: string, options?: Record<string, unknown>) => string, p: DsmbParticipant) {
  if (!p.member.infused) return '—';
  const d = p.determination;
  if (d?.signed && d.current) return d.dlt ? t('dsmb.dlt.yes') : t('dsmb.dlt.no');
  if (p.member.dltPending) return t('dsmb.dlt.pending');
  return p.member.dlt ? t('dsmb.dlt.yes') : t('dsmb.dlt.notDetermined');
}

function ParticipantsTable({ participants }: { participants: readonly DsmbParticipant[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="dsmb-table">
        <thead>
          <tr>
            <th scope="col">{t('dsmb.table.participant')}</th>
            <th scope="col">{t('dsmb.table.infusion')}</th>
            <th scope="col">{t('dsmb.table.window')}</th>
            <th scope="col">{t('dsmb.table.worstGrade')}</th>
            <th scope="col">{t('dsmb.table.saes')}</th>
            <th scope="col">{t('dsmb.table.dlt')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => {
            const tolerance = p.tolerance?.status === 'complete' ? p.tolerance : undefined;
            return (
              <tr key={p.patientId} data-testid={`dsmb-row-${p.trialNumber}`}>
                <th scope="row">
                  {p.trialNumber} · {p.initials}
                </th>
                <td>
                  {p.infusionDate ? format.date(`${p.infusionDate}T12:00:00`) : t('dsmb.table.notInfused')}
                </td>
                <td>
                  {!tolerance
                    ? '—'
                    : tolerance.windowComplete
                      ? t('dsmb.table.windowComplete')
                      : t('dsmb.table.windowOpen', { end: format.dateTime(tolerance.window.endsAt) })}
                </td>
                <td>{p.member.infused ? p.member.worstGrade || t('dsmb.table.none') : '—'}</td>
                <td>{tolerance ? tolerance.saes.length : '—'}</td>
                <td>{dltText(t, p)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TermName({ term }: { term: AdverseEventTerm }) {
  const { i18n } = useTranslation();
  const info = useTermInfo(term, langOf(i18n.language));
  const name = info?.name ?? (term.kind === 'freeText' ? term.text : `MedDRA ${term.meddraCode}`);
  return (
    <>
      {name}
      {term.kind === 'ctcae' && <span className="muted"> (MedDRA {term.meddraCode})</span>}
    </>
  );
}

function ParticipantDetail({ participant: p }: { participant: DsmbParticipant }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tolerance = p.tolerance;
  return (
    <section className="dsmb-participant" data-testid={`dsmb-participant-${p.trialNumber}`}>
      <h4>
        {t('dsmb.participant.heading', { number: p.trialNumber, initials: p.initials })}
        {p.doseLevel !== undefined && (
          <span className="muted"> — {t('dsmb.participant.doseLevel', { dose: p.doseLevel })}</span>
        )}
      </h4>
      {p.inConflict && <p className="pill pill-danger">{t('dsmb.participant.conflict')}</p>}
      {!tolerance && (
        <p>
          {p.infusionDate && p.member.infused
            ? t('dsmb.participant.infusionNotRecorded', { date: format.date(`${p.infusionDate}T12:00:00`) })
            : t('dsmb.participant.notInfused')}
        </p>
      )}
      {tolerance?.status === 'incomplete' && (
        <p role="alert">{t('dsmb.participant.incomplete', { missing: tolerance.missing.join(', ') })}</p>
      )}
      {tolerance?.status === 'complete' && (
        <>
          <h5>{t('dsmb.aes.title')}</h5>
          {tolerance.byTerm.length === 0 ? (
            <p>{t('dsmb.aes.none')}</p>
          ) : (
            <table className="dsmb-table" data-testid="dsmb-terms">
              <thead>
                <tr>
                  <th scope="col">{t('dsmb.aes.term', { version: '5.0' })}</th>
                  <th scope="col">{t('dsmb.aes.worstGrade')}</th>
                  <th scope="col">{t('dsmb.aes.events')}</th>
                </tr>
              </thead>
              <tbody>
                {tolerance.byTerm.map((line) => (
                  <tr key={line.key}>
                    <td>
                      <TermName term={line.term} />
                    </td>
                    <td>{line.worstGrade}</td>
                    <td>{line.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {tolerance.outsideWindow > 0 && <p>{t('dsmb.aes.outside', { count: tolerance.outsideWindow })}</p>}
          {tolerance.relatednessPending > 0 && (
            <p>{t('dsmb.aes.relatednessPending', { count: tolerance.relatednessPending })}</p>
          )}
          <h5>{t('dsmb.saes.title')}</h5>
          {tolerance.saes.length === 0 ? (
            <p>{t('dsmb.saes.none')}</p>
          ) : (
            <ul data-testid="dsmb-saes">
              {tolerance.saes.map((sae) => (
                <li key={sae.id}>
                  <TermName term={sae.term} /> — {t('dsmb.saes.onset')} {format.dateTime(sae.onsetAt)}
                  {!sae.inWindow && ` (${t('dsmb.saes.outsideWindow')})`} — {t('dsmb.saes.criteria')} :{' '}
                  {sae.criteria.map((c) => t(`ae.criteria.${c}`)).join(' ; ')} — {t('dsmb.saes.notification')}{' '}
                  :{' '}
                  {t(`dsmb.saes.status.${sae.status}`, {
                    by: format.dateTime(sae.notifyBy),
                    at: sae.notifiedAt !== undefined ? format.dateTime(sae.notifiedAt) : '',
                  })}
                </li>
              ))}
            </ul>
          )}
          <h5>{t('dsmb.dlts.title')}</h5>
          {tolerance.dltCandidates.length > 0 && (
            <>
              <p>{t('dsmb.dlts.candidates')}</p>
              <ul data-testid="dsmb-dlt-candidates">
                {tolerance.dltCandidates.map((e) => (
                  <li key={e.id}>
                    <TermName term={e.term} />, grade {e.grade} —{' '}
                    {e.reasons.map((r) => t(`dsmb.dlts.reason.${r}`)).join(', ')} —{' '}
                    {t(`dsmb.dlts.decision.${String(e.physicianDecision)}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p data-testid="dsmb-determination">
            {p.determination
              ? `${t('dsmb.dlts.determination', {
                  answer: p.determination.dlt ? t('dsmb.dlt.yes') : t('dsmb.dlt.no'),
                  when: format.dateTime(p.determination.decidedAt),
                })} — ${
                  p.determination.signed
                    ? p.determination.signatures
                        .map((s) =>
                          t('dsmb.dlt.signedBy', { who: s.signerName, when: format.dateTime(s.signedAt) }),
                        )
                        .join(' ; ')
                    : t('dsmb.dlt.unsigned')
                }${p.determination.current ? '' : ` — ${t('dsmb.dlt.stale')}`}`
              : t('dsmb.dlts.noDetermination')}
          </p>
          {p.determination && p.determination.dltEvents.length > 0 && (
            <ul data-testid="dsmb-dlt-events">
              {p.determination.dltEvents.map((e) => (
                <li key={e.id}>{e.term ? <TermName term={e.term} /> : e.id}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
