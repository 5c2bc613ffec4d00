import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoredRecord } from '@/db/types';
import type { Scored } from '@/domain';
import { VISITS } from '@/schema/endpoints';
import { useAllParticipants, useAllVisitRecords } from './queries';
import { useNow } from './use-now';
import { VisitStateBadge } from './VisitStateBadge';
import { formsByVisit, participantEndpoints, visitCalendar, type ParticipantEndpoints } from './visit-model';
import './visits.css';
import './messages';

type Row = {
  participant: StoredRecord;
  label: string;
  endpoints: ParticipantEndpoints;
  calendar: ReturnType<typeof visitCalendar>;
};

/** A protocol proportion: responders among the evaluable, and who is still incomplete. */
function proportion(rows: readonly Row[], read: (row: Row) => Scored<{ yes: boolean }>) {
  const results = rows.map((row) => ({ row, result: read(row) }));
  const evaluable = results.filter((r) => r.result.status === 'complete');
  return {
    count: evaluable.filter((r) => r.result.status === 'complete' && r.result.yes).length,
    denominator: evaluable.length,
    incomplete: results.filter((r) => r.result.status === 'incomplete').map((r) => r.row.label),
  };
}

const yes = (yes: boolean) => ({ status: 'complete' as const, yes });
const notYet = { status: 'incomplete' as const, missing: [] };

/** /overview — one row per participant, one column per time point, and the protocol's proportions. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const participants = useAllParticipants();
  const records = useAllVisitRecords();
  const now = useNow();
  if (!participants || !records) return <p aria-busy="true">{t('loading')}</p>;
  const empty = { assessments: [], missed: [], signatures: [] };
  const rows: Row[] = participants.map((participant) => {
    const own = records.get(participant.id) ?? empty;
    const infusionDate = participant.data.infusionDate as string | undefined;
    return {
      participant,
      label: `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`,
      endpoints: participantEndpoints(infusionDate, formsByVisit(own)),
      calendar: visitCalendar(infusionDate, own, now),
    };
  });
  const at = (row: Row, visit: string) => row.endpoints.perVisit.find((v) => v.visit === visit)!;
  const proportions = [
    {
      label: t('visits.overviewPage.mcrM3'),
      ...proportion(rows, (row) => {
        const c = at(row, 'M3').clinical;
        return c.status === 'complete' ? yes(c.response === 'MCR') : notYet;
      }),
    },
    {
      label: t('visits.overviewPage.pcr12'),
      ...proportion(rows, (row) => {
        const results = row.endpoints.perVisit.map((v) => v.clinical);
        if (results.some((c) => c.status === 'complete' && c.response === 'PCR')) return yes(true);
        return results.every((c) => c.status === 'complete') ? yes(false) : notYet;
      }),
    },
    ...(['M3', 'M6', 'M9', 'M12'] as const).map((visit) => ({
      label: t('visits.overviewPage.sri', { visit }),
      ...proportion(rows, (row) => {
        const s = at(row, visit).sriProtocol;
        return s.status === 'complete' ? yes(s.responder) : notYet;
      }),
    })),
    {
      label: t('visits.overviewPage.steroid'),
      ...proportion(rows, (row) => {
        const s = row.endpoints.steroidSparing;
        return s.status === 'complete' ? yes(s.responder) : notYet;
      }),
    },
    {
      label: t('visits.overviewPage.failures'),
      ...proportion(rows, (row) => {
        const f = row.endpoints.treatmentFailure;
        return f?.status === 'complete' ? yes(f.failed) : notYet;
      }),
    },
  ];
  return (
    <section data-testid="overview-page">
      <h1>{t('visits.overviewPage.title')}</h1>
      <section className="panel" aria-labelledby="proportions">
        <h2 id="proportions">{t('visits.overviewPage.proportions')}</h2>
        <table className="endpoint-table" data-testid="proportions">
          <tbody>
            {proportions.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{t('visits.overviewPage.proportion', { count: p.count, denominator: p.denominator })}</td>
                <td className="muted">
                  {p.incomplete.length > 0 &&
                    t('visits.overviewPage.incompleteFor', { list: p.incomplete.join(', ') })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="table-scroll" role="region" aria-label={t('visits.overviewPage.title')} tabIndex={0}>
        <table className="endpoint-table" data-testid="overview-table">
          <thead>
            <tr>
              <th scope="col">{t('visits.overviewPage.participant')}</th>
              {VISITS.map((visit) => (
                <th key={visit} scope="col">
                  {visit}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.participant.id}>
                <th scope="row">
                  <Link to={`/participants/${row.participant.id}/endpoints`}>{row.label}</Link>
                </th>
                {VISITS.map((visit) => {
                  const entry = row.calendar.find((c) => c.visit === visit);
                  const response = visit === 'M0' ? undefined : at(row, visit);
                  return (
                    <td key={visit}>
                      {entry && <VisitStateBadge state={entry.state} />}
                      {response?.sriProtocol.status === 'complete' && (
                        <div>SRI {response.sriProtocol.responder ? '✓' : '✗'}</div>
                      )}
                      {response?.clinical.status === 'complete' && response.clinical.response !== 'none' && (
                        <div>{response.clinical.response}</div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
