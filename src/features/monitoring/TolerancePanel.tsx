import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createRecord, saveRevision } from '@/db/commands';
import { getDb } from '@/db/database';
import { currentDetermination } from '@/db/tolerance';
import { useAdverseEvents, useNow, useTermInfo, langOf } from '@/features/adverse-events';
import type { AdverseEventTerm } from '@/schema/adverse-events';
import type { ToleranceDetermination } from '@/schema/monitoring';
import { useWriteContext } from '@/session/session-store';
import { canSign } from '@/session/signature';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList } from '@/session/SignatureList';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useLiveQuery } from 'dexie-react-hooks';
import { useParticipantTolerance } from './queries';
import { formatDateTime, isoNow } from './time';

/**
 * The tolerance summary (worst grade per term over T0 → end of day 10), the events that meet the DLT definition
 * with why, and the physician's determination with its signature — what the dose decision's cohort table counts.
 */
export function TolerancePanel({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const ctx = useWriteContext();
  const now = useNow();
  const tolerance = useParticipantTolerance(patientId, now);
  const events = useAdverseEvents(patientId);
  const determination = useLiveQuery(() => currentDetermination(getDb(), patientId), [patientId]);
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [signing, setSigning] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const closeSigning = useCallback(() => {
    setSigning(false);
    signButton.current?.focus();
  }, []);
  if (!tolerance || !events) return null;
  const { status } = tolerance;
  const summary = status.summary;
  if (summary.status !== 'complete') return null;
  const isPhysician = ctx?.role === 'physician';
  const decided = new Map(
    (determination?.record.data as ToleranceDetermination | undefined)?.events.map((e) => [
      e.adverseEventId,
      e.isDlt,
    ]) ?? [],
  );
  const eventById = new Map(events.map((e) => [e.record.id, e]));

  const saveDetermination = async () => {
    if (!ctx) return;
    const judged = summary.dltEvents.map((e) => ({
      adverseEventId: e.id,
      isDlt: choices[e.id] ?? decided.get(e.id) ?? true,
    }));
    const data: ToleranceDetermination = {
      windowStartsAt: status.window.startsAt,
      windowEndsAt: status.window.endsAt,
      events: judged,
      dlt: judged.some((e) => e.isDlt),
      decidedAt: isoNow(ctx.now()),
    };
    const result = determination
      ? await saveRevision(getDb(), ctx, {
          recordId: determination.record.id,
          data,
          reason: t('tolerance.determination'),
          expectedRev: determination.record.rev,
        })
      : await createRecord(getDb(), ctx, { kind: 'toleranceDetermination', patientId, data });
    setNotice(
      result.ok
        ? { tone: 'ok', text: t('tolerance.determinationSaved') }
        : { tone: 'error', text: t('form.invalid') },
    );
  };

  return (
    <section className="panel tolerance" aria-labelledby="tolerance-title" data-testid="tolerance">
      <h2 id="tolerance-title">{t('tolerance.title')}</h2>
      <p>
        {t('tolerance.window', {
          from: formatDateTime(status.window.startsAt, i18n.language),
          to: formatDateTime(status.window.endsAt, i18n.language),
        })}{' '}
        <span className={status.windowComplete ? 'pill pill-ok' : 'pill'} data-testid="window-state">
          {status.windowComplete ? t('tolerance.windowComplete') : t('tolerance.windowOpen')}
        </span>
      </p>
      <h3>{t('tolerance.byTerm')}</h3>
      {summary.byTerm.length === 0 ? (
        <p className="muted">{t('tolerance.none')}</p>
      ) : (
        <table className="tolerance-terms" data-testid="tolerance-terms">
          <tbody>
            {summary.byTerm.map((line) => (
              <tr key={line.key} className={`grade-${line.worstGrade}`}>
                <th scope="row">
                  <TermName term={line.term} />
                </th>
                <td>{t('ae.gradeN', { grade: line.worstGrade })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('tolerance.dltCandidates')}</h3>
      {summary.relatednessPending.length > 0 && (
        <p className="pill pill-warn" data-testid="relatedness-pending">
          {t('tolerance.relatednessPending')}
        </p>
      )}
      {summary.dltEvents.length === 0 ? (
        <p className="muted" data-testid="no-dlt">
          {t('tolerance.noDlt')}
        </p>
      ) : (
        <ul className="dlt-events" data-testid="dlt-events">
          {summary.dltEvents.map((e) => {
            const view = eventById.get(e.id);
            const value = choices[e.id] ?? decided.get(e.id);
            return (
              <li key={e.id} data-testid="dlt-event">
                <Link to={`/participants/${patientId}/adverse-events/${e.id}`}>
                  {view && <TermName term={view.data.term} />} ·{' '}
                  {t('ae.gradeN', { grade: view?.worstGrade ?? '' })}
                </Link>
                <p className="muted">{e.reasons.map((r) => t(`tolerance.reason.${r}`)).join(' ; ')}</p>
                {isPhysician && (
                  <div className="segmented">
                    <label className={value === true ? 'chosen present' : ''}>
                      <input
                        type="radio"
                        name={`dlt-${e.id}`}
                        checked={value === true}
                        onChange={() => setChoices({ ...choices, [e.id]: true })}
                      />{' '}
                      {t('tolerance.isDlt')}
                    </label>
                    <label className={value === false ? 'chosen' : ''}>
                      <input
                        type="radio"
                        name={`dlt-${e.id}`}
                        checked={value === false}
                        onChange={() => setChoices({ ...choices, [e.id]: false })}
                      />{' '}
                      {t('tolerance.notDlt')}
                    </label>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('tolerance.determination')}</h3>
      {!status.determination && (
        <p className="muted" data-testid="determination-none">
          {t('tolerance.noDetermination')}
        </p>
      )}
      {status.determination && (
        <p
          data-testid="determination"
          data-dlt={String(status.determination.data.dlt)}
          data-signed={String(status.determination.signed)}
        >
          <strong>{status.determination.data.dlt ? t('tolerance.dltYes') : t('tolerance.dltNo')}</strong>{' '}
          {status.determination.signed && status.determinationCurrent && (
            <span className="pill pill-ok">{t('tolerance.signed')}</span>
          )}
          {!status.determinationCurrent && <span className="pill pill-warn">{t('tolerance.stale')}</span>}
        </p>
      )}
      {determination && <SignatureList record={determination.record} />}
      {isPhysician && (
        <p>
          <button type="button" onClick={() => void saveDetermination()} data-testid="determination-save">
            {t('tolerance.confirm')}
          </button>{' '}
          {determination && canSign(ctx?.role, 'dlt-confirmation') && (
            <button
              type="button"
              ref={signButton}
              onClick={() => setSigning(true)}
              data-testid="determination-sign"
            >
              {t('tolerance.sign')}
            </button>
          )}
        </p>
      )}
      <FormNotice notice={notice} />
      {signing && determination && (
        <SignatureDialog
          recordId={determination.record.id}
          meaning="dlt-confirmation"
          onClose={closeSigning}
        />
      )}
    </section>
  );
}

function TermName({ term }: { term: AdverseEventTerm }) {
  const { i18n } = useTranslation();
  const info = useTermInfo(term, langOf(i18n.language));
  return <>{info?.name}</>;
}
