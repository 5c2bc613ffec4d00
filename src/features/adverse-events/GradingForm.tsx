import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradeAdverseEvent, type AdverseEventView } from '@/db/adverse-events';
import { getDb } from '@/db/database';
import { CTCAE_VERSION } from '@/domain/safety/ctcae-grades';
import type { CtcaeGrade } from '@/schema/adverse-events';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { GradeChoice } from './GradeChoice';
import { langOf, useTermInfo } from './terms';
import { formatDateTime, isoWithOffset } from './time';

/** The event's grade over time (each grading an observation, the worst derived) and a new grading. */
export function GradeHistory({ event }: { event: AdverseEventView }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const ctx = useWriteContext();
  const info = useTermInfo(event.data.term, lang);
  const [grade, setGrade] = useState<CtcaeGrade | undefined>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const canWrite = ctx?.role === 'nurse' || ctx?.role === 'physician';
  const save = async () => {
    if (!ctx || !grade) return;
    const result = await gradeAdverseEvent(getDb(), ctx, {
      adverseEventId: event.record.id,
      grading: { grade, gradedAt: isoWithOffset(ctx.now()), version: CTCAE_VERSION },
    });
    setNotice(
      result.ok ? { tone: 'ok', text: t('ae.gradingSaved') } : { tone: 'error', text: t('form.invalid') },
    );
    if (result.ok) setGrade(undefined);
  };
  return (
    <section className="panel" aria-labelledby="ae-history-title" data-testid="ae-history">
      <h2 id="ae-history-title">{t('ae.history')}</h2>
      <p>
        <strong data-testid="ae-worst-grade">{t('ae.worstGrade', { grade: event.worstGrade })}</strong> ·{' '}
        <span data-testid="ae-current-grade">{t('ae.currentGrade', { grade: event.currentGrade })}</span>
      </p>
      <ol className="grade-history">
        {event.history.map((point, i) => (
          <li key={point.gradingId ?? `onset-${i}`} className={`grade-${point.grade}`}>
            {t('ae.historyAt', { when: formatDateTime(point.at, i18n.language), grade: point.grade })}
            {point.checkId ? ` · ${point.checkId}` : ''}
          </li>
        ))}
      </ol>
      {canWrite && (
        <>
          <GradeChoice
            name="ae-new-grading"
            info={info}
            value={grade}
            onChange={setGrade}
            legend={t('ae.addGrading')}
          />
          <button type="button" disabled={!grade} onClick={() => void save()} data-testid="ae-add-grading">
            {t('ae.addGradingSave')}
          </button>
          <FormNotice notice={notice} />
        </>
      )}
    </section>
  );
}
