import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saeClock } from '@/domain/safety/adverse-event';
import { useRecordSignatures } from '@/session/SignatureList';
import { useAdverseEvents, useRecord } from './queries';
import { useTermInfo } from './terms';
import { formatDateTime } from './time';
import './adverse-events.css';

/**
 * The SAE notification summary, produced from the record, in French whatever the interface language (the sponsor
 * and the French authorities read it), with a print stylesheet: the browser's print to PDF makes the document.
 */
export default function SaeReportPage() {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('fr');
  const { participantId = '', adverseEventId = '' } = useParams();
  const participant = useRecord(participantId);
  const events = useAdverseEvents(participantId);
  const event = events?.find((e) => e.record.id === adverseEventId);
  const info = useTermInfo(event?.data.term, 'fr');
  const signatures = useRecordSignatures(event?.record);
  if (participant === undefined || events === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant || !event) return <p role="alert">{t('form.notFound')}</p>;
  const d = event.data;
  const when = (at: string | number | undefined) =>
    at === undefined ? t('saeReport.unknown') : formatDateTime(at, 'fr');
  const clock = saeClock(d, Date.now());
  const signed = signatures?.find((s) => s.validity === 'valid');
  const rows: [string, string][] = [
    [t('saeReport.participant'), String(participant.data.trialNumber)],
    [t('saeReport.initials'), String(participant.data.initials)],
    [t('saeReport.term', { version: d.term.kind === 'ctcae' ? d.term.version : '5.0' }), info?.name ?? ''],
    [t('saeReport.meddra'), d.term.kind === 'ctcae' ? String(d.term.meddraCode) : t('ae.notInCatalogue')],
    [t('saeReport.grade'), String(event.worstGrade)],
    [t('saeReport.onset'), when(d.onsetAt)],
    [t('saeReport.end'), d.endedAt ? when(d.endedAt) : t('ae.ongoing')],
    [t('saeReport.awareness'), when(d.awareAt)],
    [t('saeReport.deadline'), when(clock?.notifyBy)],
    [t('saeReport.criteria'), (d.seriousness ?? []).map((c) => t(`ae.criteria.${c}`)).join(' ; ')],
    [t('saeReport.relatedness'), d.relatedness ? t(`ae.relation.${d.relatedness}`) : t('ae.notAssessed')],
    [
      t('saeReport.relationToProcedure'),
      d.relationToProcedure ? t(`ae.relation.${d.relationToProcedure}`) : t('ae.notAssessed'),
    ],
    [t('saeReport.expectedness'), d.expectedness ? t(`ae.${d.expectedness}`) : t('ae.notAssessed')],
    [
      t('saeReport.actions'),
      (d.actions ?? []).map((a) => t(`ae.action.${a}`)).join(' ; ') || t('saeReport.unknown'),
    ],
    [t('saeReport.outcome'), d.outcome ? t(`ae.outcomes.${d.outcome}`) : t('saeReport.unknown')],
    [
      t('saeReport.notification'),
      d.sponsorNotifiedAt
        ? `${when(d.sponsorNotifiedAt)} (${d.sponsorNotificationMethod ? t(`sae.methods.${d.sponsorNotificationMethod}`) : '—'})`
        : t('saeReport.notYet'),
    ],
  ];
  return (
    <article className="sae-report" lang="fr" data-testid="sae-report">
      <p className="no-print">
        <Link to={`/participants/${participantId}/adverse-events/${adverseEventId}`}>
          ← {t('ae.editTitle')}
        </Link>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('saeReport.print')}
        </button>
      </p>
      <h1>{t('saeReport.title')}</h1>
      <p>{t('saeReport.study')}</p>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('saeReport.narrative')}</th>
            <td className="narrative">{d.narrative ?? t('saeReport.unknown')}</td>
          </tr>
        </tbody>
      </table>
      <p>
        {signed
          ? t('saeReport.signedBy', {
              name: signed.signature.signerName,
              when: when(signed.signature.signedAt),
            })
          : t('saeReport.notSigned')}
      </p>
      <p className="muted">{t('saeReport.printedAt', { when: when(Date.now()) })}</p>
    </article>
  );
}
