import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BilagSystem } from '@/domain';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import { formatDate } from '@/ui/format';
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

/**
 * The core's missing ids, readably, each visit once: `followUp.bilag.renal` at M3 → "M3 : BILAG (Rénal)", a whole
 * visit not entered (`visits.M6`) → "M6 (visite non saisie)", a visit's missing BILAG systems under one "BILAG".
 * An id it cannot place is kept as it is.
 */
export function missingText(t: TFunction, language: string, visit: string, ids: readonly string[]) {
  const groups = new Map<string, { whole: boolean; items: string[]; systems: string[] }>();
  const loose: string[] = [];
  for (const id of ids) {
    const match = /^(?:(baseline)|(followUp)|visits\.(M\d+))(?:\.(.+))?$/.exec(id);
    const where = match ? (match[1] ? 'M0' : match[2] ? visit : match[3]!) : '';
    if (!match || !where) {
      loose.push(id);
      continue;
    }
    const group = groups.get(where) ?? { whole: false, items: [], systems: [] };
    groups.set(where, group);
    const item = match[4];
    if (item === undefined) group.whole = true;
    else if (item.startsWith('bilag.')) group.systems.push(item.slice('bilag.'.length));
    else group.items.push(item === 'sledai' ? 'SLEDAI' : item === 'pga' ? 'PGA' : item);
  }
  const parts = [...groups].map(([where, group]) => {
    if (group.whole) return t('visits.endpoints.visitNotEntered', { visit: where });
    const items = [...group.items];
    if (group.systems.length > 0)
      items.push(
        `BILAG (${
          BILAG_SYSTEMS.every((system) => group.systems.includes(system))
            ? t('visits.endpoints.everyBilagSystem')
            : systemNames(language, group.systems)
        })`,
      );
    return t('visits.endpoints.missingAt', { visit: where, items: items.join(', ') });
  });
  if (loose.length > 0) parts.push(loose.map((id) => factName(t, language, id)).join(', '));
  return parts.join(t('visits.endpoints.missingSeparator'));
}

/** An endpoint's other missing facts by their names (`doses.weeks40to52`, a date entered twice), else the id. */
function factName(t: TFunction, language: string, id: string): string {
  const named = t(`visits.endpoints.missingFact.${id.replaceAll('.', '_')}`, { defaultValue: '' });
  if (named) return named;
  const repeated = /^(doses|renalAssessments)\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  return repeated
    ? t(`visits.endpoints.missingFact.${repeated[1]}Twice`, {
        date: formatDate(`${repeated[2]}T12:00:00`, language),
      })
    : id;
}

/** The definition's name, which the table's column header shows: read out with the cell, not drawn twice. */
const SriLabel = ({ label }: { label: string }) => <span className="visually-hidden">{label} — </span>;

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
        <SriLabel label={label} />
        <span className="pill pill-warn">{t('visits.endpoints.incomplete')}</span>
        <p className="muted">
          {t('visits.endpoints.missing', { items: missingText(t, i18n.language, visit, result.missing) })}
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
      <SriLabel label={label} />
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
                items: missingText(t, i18n.language, endpoints.visit, clinical.missing),
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
