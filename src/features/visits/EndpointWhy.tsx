import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BilagSystem } from '@/domain';
import { BILAG_TEXTS, lang } from './instrument-texts';
import type { VisitEndpoints } from './visit-model';

const systemNames = (language: string, systems: readonly string[]) =>
  systems.map((s) => BILAG_TEXTS[s as BilagSystem]?.name[lang(language)] ?? s).join(', ');

/** A clinical-response reason code (`code` or `code:systems`) in words. */
export function reasonText(t: TFunction, language: string, reason: string) {
  const [code, systems = ''] = reason.split(':');
  return t(`visits.endpoints.reason.${code}`, {
    systems: systemNames(language, systems.split(',').filter(Boolean)),
  });
}

/** The core's missing ids, readably (`followUp.bilag.renal` → "M3 · BILAG Rénal"). */
export function missingText(language: string, visit: string, ids: readonly string[]) {
  return ids
    .map((id) =>
      id
        .replace(/^baseline\./, 'M0 · ')
        .replace(/^followUp\./, `${visit} · `)
        .replace(/^visits\.(M\d+)\.?/, '$1 · ')
        .replace(/bilag\.(\w+)/, (_, system: string) => `BILAG ${systemNames(language, [system])}`)
        .replace(/sledai/, 'SLEDAI')
        .replace(/pga/, 'PGA'),
    )
    .join(', ');
}

function Sri({
  result,
  label,
  visit,
}: {
  result: VisitEndpoints['sriProtocol'];
  label: string;
  visit: string;
}) {
  const { t, i18n } = useTranslation();
  if (result.status === 'incomplete')
    return (
      <div data-testid="sri-result" data-status="incomplete">
        <strong>{label}</strong> — <span className="pill pill-warn">{t('visits.endpoints.incomplete')}</span>
        <p className="muted">
          {t('visits.endpoints.missing', { items: missingText(i18n.language, visit, result.missing) })}
        </p>
      </div>
    );
  const criteria = [
    ['sledaiReduced', result.sledaiReduced, ''],
    [
      'noNewBilagA',
      result.noNewBilagA,
      result.newBilagA.length
        ? t('visits.endpoints.newA', { systems: systemNames(i18n.language, result.newBilagA) })
        : '',
    ],
    [
      'bilagBOk',
      result.bilagBOk,
      result.newBilagB.length
        ? t('visits.endpoints.newB', { systems: systemNames(i18n.language, result.newBilagB) })
        : '',
    ],
    ['pgaOk', result.pgaOk, ''],
  ] as const;
  return (
    <div data-testid="sri-result" data-status={result.responder ? 'responder' : 'non-responder'}>
      <strong>{label}</strong> —{' '}
      <span className={result.responder ? 'pill pill-ok' : 'pill pill-danger'}>
        {result.responder ? t('visits.endpoints.responder') : t('visits.endpoints.nonResponder')}
      </span>
      <ul className="why">
        {criteria.map(([key, held, detail]) => (
          <li key={key} className={held ? 'held' : 'failed'} data-held={held}>
            {t(`visits.endpoints.${key}`)}
            {detail && ` (${detail})`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One follow-up visit's responses with why: SRI by both definitions, and MCR/PCR with its reasons. */
export function VisitResponse({ endpoints }: { endpoints: VisitEndpoints }) {
  const { t, i18n } = useTranslation();
  const clinical = endpoints.clinical;
  return (
    <>
      <td>
        <Sri
          result={endpoints.sriProtocol}
          label={t('visits.endpoints.sriProtocol')}
          visit={endpoints.visit}
        />
      </td>
      <td>
        <Sri result={endpoints.sriFurie} label={t('visits.endpoints.sriFurie')} visit={endpoints.visit} />
      </td>
      <td
        data-testid="clinical-result"
        data-status={clinical.status === 'complete' ? clinical.response : 'incomplete'}
      >
        {clinical.status === 'incomplete' ? (
          <>
            <span className="pill pill-warn">{t('visits.endpoints.incomplete')}</span>
            <p className="muted">
              {t('visits.endpoints.missing', {
                items: missingText(i18n.language, endpoints.visit, clinical.missing),
              })}
            </p>
          </>
        ) : (
          <>
            <span className={clinical.response === 'none' ? 'pill pill-danger' : 'pill pill-ok'}>
              {t(`visits.endpoints.${clinical.response}`)}
            </span>
            <ul className="why">
              {clinical.reasons.map((reason) => (
                <li key={reason}>{reasonText(t, i18n.language, reason)}</li>
              ))}
            </ul>
          </>
        )}
      </td>
    </>
  );
}
