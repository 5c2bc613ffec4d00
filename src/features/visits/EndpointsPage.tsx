import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { scoreBilag, scoreEq5d5l, scoreSdi, scoreSf36, type VisitId } from '@/domain';
import type { AssessmentOf } from '@/schema/assessments';
import { VISITS } from '@/schema/endpoints';
import { SF36_SCALES } from '@/schema/instruments';
import { Chart, type Series } from './Chart';
import { missingText, VisitResponse } from './EndpointWhy';
import { useParticipant, useVisitRecords } from './queries';
import { formsByVisit, participantEndpoints, type VisitForms } from './visit-model';
import './visits.css';
import './messages';

/** A series of one value per visit, from each visit's form when the core scores it complete. */
function seriesOf(
  forms: Map<VisitId, VisitForms>,
  read: (entry: VisitForms) => number | undefined,
): Partial<Record<VisitId, number>> {
  return Object.fromEntries(
    [...forms.entries()].flatMap(([visit, entry]) => {
      const value = read(entry);
      return value === undefined ? [] : [[visit, value]];
    }),
  );
}

const data = <F extends keyof VisitForms>(entry: VisitForms, form: F) =>
  entry[form]?.data as AssessmentOf<F & string> | undefined;

/** /participants/:participantId/endpoints — every endpoint over time, live, each with why. */
export default function EndpointsPage() {
  const { t, i18n } = useTranslation();
  const { participantId = '' } = useParams();
  const participant = useParticipant(participantId);
  const records = useVisitRecords(participantId);
  if (participant === undefined || records === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant) return <p role="alert">{t('participants.notFound')}</p>;
  const infusionDate = participant.data.infusionDate as string | undefined;
  const forms = formsByVisit(records);
  const endpoints = participantEndpoints(infusionDate, forms);
  const number = (value: number, digits = 2) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  const date = (iso: string) =>
    new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  const sledai: Series = {
    name: t('visits.endpoints.series.sledai'),
    values: Object.fromEntries(
      endpoints.scores.flatMap((s) => (s.sledai === undefined ? [] : [[s.visit, s.sledai]])),
    ),
  };
  const bilag: Series = {
    name: t('visits.endpoints.series.bilag'),
    values: seriesOf(forms, (entry) => {
      const grades = data(entry, 'bilag')?.grades;
      const scored = grades && scoreBilag(grades);
      return scored?.status === 'complete' ? scored.numeric : undefined;
    }),
  };
  const pga: Series = {
    name: t('visits.endpoints.series.pga'),
    values: Object.fromEntries(
      endpoints.scores.flatMap((s) => (s.pga === undefined ? [] : [[s.visit, s.pga]])),
    ),
  };
  const sdi: Series = {
    name: t('visits.endpoints.series.sdi'),
    values: seriesOf(forms, (entry) => {
      const items = data(entry, 'sdi')?.items;
      const scored = items && scoreSdi(items);
      return scored?.status === 'complete' ? scored.total : undefined;
    }),
  };
  // Damage is cumulative (instruments.md): a later SDI below an earlier one is flagged for review, never corrected.
  const sdiDecrease = VISITS.flatMap((visit, index) => {
    const value = sdi.values[visit];
    const earlier = VISITS.slice(0, index).flatMap((v) => sdi.values[v] ?? []);
    const highest = earlier.length ? Math.max(...earlier) : undefined;
    return value !== undefined && highest !== undefined && value < highest ? [{ visit, highest }] : [];
  })[0];
  const sf36: Series[] = SF36_SCALES.map((scale) => ({
    name: t(`visits.sf36Scale.${scale}`),
    values: seriesOf(forms, (entry) => {
      const response = data(entry, 'sf36')?.response;
      const scored = response && scoreSf36(response.answers, response.form);
      return scored?.status === 'complete' ? scored[scale] : undefined;
    }),
  }));
  const eq5d: Series = {
    name: t('visits.endpoints.series.eq5d'),
    values: seriesOf(forms, (entry) => {
      const levels = data(entry, 'eq5d5l')?.levels;
      const scored = levels && scoreEq5d5l(levels as never);
      return scored?.status === 'complete' ? scored.indexFR : undefined;
    }),
  };
  const prednisone: Series = {
    name: t('visits.endpoints.series.prednisone'),
    values: seriesOf(forms, (entry) => data(entry, 'prednisone')?.mgPerDay),
  };
  const steroid = endpoints.steroidSparing;
  const failure = endpoints.treatmentFailure;
  const criteria = endpoints.failureCriteria;

  return (
    <section data-testid="endpoints-page">
      <p>
        <Link to={`/participants/${participantId}/visits`}>{t('visits.backToCalendar')}</Link>
      </p>
      <h1>
        {t('visits.endpoints.title')} — {String(participant.data.trialNumber)} ·{' '}
        {String(participant.data.initials)}
      </h1>
      <p className="muted">{t('visits.endpoints.live')}</p>

      <section className="panel" aria-labelledby="per-visit">
        <h2 id="per-visit">{t('visits.endpoints.perVisit')}</h2>
        <p className="muted">{t('visits.endpoints.clinicalRule')}</p>
        <div className="table-scroll" role="region" aria-labelledby="per-visit" tabIndex={0}>
          <table className="endpoint-table" data-testid="response-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('visits.endpoints.sriProtocol')}</th>
                <th scope="col">{t('visits.endpoints.sriFurie')}</th>
                <th scope="col">{t('visits.endpoints.clinical')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.perVisit.map((visit) => (
                <tr key={visit.visit} data-testid={`response-${visit.visit}`}>
                  <th scope="row">{t(`visits.visit.${visit.visit}`)}</th>
                  <VisitResponse endpoints={visit} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="endpoint-grid">
        <section
          className="panel"
          data-testid="steroid-sparing"
          data-status={steroid.status === 'complete' ? String(steroid.responder) : 'incomplete'}
        >
          <h2>{t('visits.endpoints.steroid')}</h2>
          <p className="muted">{t('visits.endpoints.steroidRule')}</p>
          {steroid.status === 'complete' ? (
            <>
              <span className={steroid.responder ? 'pill pill-ok' : 'pill pill-danger'}>
                {steroid.responder ? t('visits.endpoints.responder') : t('visits.endpoints.nonResponder')}
              </span>
              <p>
                {t('visits.endpoints.steroidDetail', {
                  baseline: number(steroid.baselineMg),
                  mean: number(steroid.meanWeeks40to52),
                })}
              </p>
            </>
          ) : (
            <>
              <span className="pill pill-warn">{t('visits.endpoints.incomplete')}</span>
              <p className="muted">
                {t('visits.endpoints.missing', {
                  items: missingText(t, i18n.language, '', steroid.missing),
                })}
              </p>
            </>
          )}
        </section>
        <section
          className="panel"
          data-testid="treatment-failure"
          data-status={failure?.status === 'complete' ? String(failure.failed) : 'incomplete'}
        >
          <h2>{t('visits.endpoints.failure')}</h2>
          {failure?.status === 'complete' ? (
            <span className={failure.failed ? 'pill pill-danger' : 'pill pill-ok'}>
              {failure.failed
                ? t('visits.endpoints.failed', { date: date(failure.failedOn!) })
                : t('visits.endpoints.notFailed')}
            </span>
          ) : (
            <span className="pill pill-warn">{t('visits.endpoints.incomplete')}</span>
          )}
          {criteria?.ok && (
            <ul className="why">
              {criteria.value.map((outcome) => (
                <li
                  key={outcome.criterion}
                  className={
                    outcome.status === 'met' ? 'failed' : outcome.status === 'notMet' ? 'held' : undefined
                  }
                  data-testid={`criterion-${outcome.criterion}`}
                  data-status={outcome.status}
                >
                  {t(`visits.endpoints.criterion.${outcome.criterion}`)} —{' '}
                  {outcome.status === 'met'
                    ? t('visits.endpoints.criterionStatus.met', {
                        onset: date(outcome.onsetDate),
                        on: date(outcome.metOn),
                      })
                    : outcome.status === 'awaitingConfirmation'
                      ? t('visits.endpoints.criterionStatus.awaitingConfirmation', {
                          onset: date(outcome.onsetDate),
                        })
                      : outcome.status === 'notMet'
                        ? t('visits.endpoints.criterionStatus.notMet')
                        : t('visits.endpoints.criterionStatus.notEvaluable', {
                            items: missingText(t, i18n.language, '', outcome.missing),
                          })}
                  {outcome.criterion === 'proteinuriaDoubling' && endpoints.proteinuria && (
                    <div className="muted">
                      {t('visits.endpoints.proteinuriaThreshold', {
                        threshold: number(endpoints.proteinuria.threshold),
                        baseline: number(endpoints.proteinuria.baseline),
                      })}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {criteria && !criteria.ok && (
            <p className="muted">{missingText(t, i18n.language, '', criteria.missing)}</p>
          )}
        </section>
      </div>

      <h2>{t('visits.endpoints.charts')}</h2>
      <div className="endpoint-grid">
        <Chart
          title={sledai.name}
          series={[sledai]}
          min={0}
          max={Math.max(24, ...Object.values(sledai.values))}
          digits={0}
        />
        <Chart
          title={bilag.name}
          series={[bilag]}
          min={0}
          max={Math.max(36, ...Object.values(bilag.values))}
          digits={0}
        />
        <Chart title={pga.name} series={[pga]} min={0} max={3} />
        <Chart
          title={sdi.name}
          series={[sdi]}
          min={0}
          max={Math.max(6, ...Object.values(sdi.values))}
          digits={0}
        />
        {sdiDecrease && (
          <p role="status" className="pill pill-warn" data-testid="sdi-decrease">
            {sdiDecrease.visit} — {t('visits.sdiDecrease', { previous: sdiDecrease.highest })}
          </p>
        )}
        <Chart title={t('visits.score.sf36')} series={sf36} min={0} max={100} />
        <Chart title={eq5d.name} series={[eq5d]} min={-0.6} max={1} digits={3} />
        <Chart
          title={prednisone.name}
          series={[prednisone]}
          min={0}
          max={Math.max(10, ...Object.values(prednisone.values))}
        />
      </div>
    </section>
  );
}
