import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openAdverseEvent } from '@/db/adverse-events';
import { recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import { REACTION_GRADE_STOPS_FLOW } from '@/domain/infusion';
import {
  adverseEventTermFor,
  gradeText,
  gradesAvailable,
  reconcileInfusionReaction,
  solicitedChecklist,
  termName,
  type BedsideTermId,
  type InfusionReactionTerm,
} from '@/domain/safety';
import { GradeChoice, langOf, TermPicker, useTermInfo } from '@/features/adverse-events';
import type { AdverseEventTerm, CtcaeGrade } from '@/schema/adverse-events';
import type { ChecklistAnswer } from '@/schema/monitoring';
import { useOpenForm } from '@/session/activity-store';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';

// The infusion-reaction checklist (issue 21): every solicited CTCAE term of the infusion, "absent" or a grade in one
// tap with the grade's definition on screen, any other term by search over the whole catalogue. NCI's "do not
// report both" (reconcileInfusionReaction) asks which reaction applies when both are marked. Saved as a
// `monitoringCheck` (issue 22's solicited checklist record) with an `adverseEvent` per event present; a grade ≥ 3
// event stops the flow: the caller asks to stop or pause the infusion and shows the report for the physician.

type Answer = 'absent' | CtcaeGrade;
type Other = { key: string; term: AdverseEventTerm; name: string; grade?: CtcaeGrade };

export type ReactionOutcome = { severe: { adverseEventId: string; name: string; grade: CtcaeGrade }[] };

export function ReactionChecklist({
  patientId,
  checkId,
  vitalSignsId,
  onSaved,
  onCancel,
}: {
  patientId: string;
  checkId: string;
  vitalSignsId?: string;
  onSaved: (outcome: ReactionOutcome) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const ctx = useWriteContext();
  useOpenForm(); // an entry in progress: an update never reloads the page under it
  const terms = solicitedChecklist('infusion').flatMap((item) => (item.kind === 'term' ? [item.id] : []));
  const [answers, setAnswers] = useState<Partial<Record<BedsideTermId, Answer>>>({});
  const [others, setOthers] = useState<Other[]>([]);
  const [question, setQuestion] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const unanswered = terms.filter((id) => answers[id] === undefined);
  const set = (id: BedsideTermId, answer: Answer) => setAnswers((a) => ({ ...a, [id]: answer }));

  const save = async (applies?: InfusionReactionTerm) => {
    if (busy) return;
    if (unanswered.length > 0) return setNotice({ tone: 'error', text: t('infusion.reaction.unanswered') });
    if (others.some((o) => o.grade === undefined))
      return setNotice({ tone: 'error', text: t('infusion.reaction.otherUngraded') });
    const present = terms.filter((id) => typeof answers[id] === 'number');
    const verdict = reconcileInfusionReaction({ present, ...(applies ? { applies } : {}) });
    if (verdict.status === 'question') return setQuestion(true);
    setQuestion(false);
    if (!ctx) return;
    setBusy(true);
    const db = getDb();
    const onsetAt = ctx.now().toISOString();
    const signs = verdict.status === 'resolved' ? verdict.signs : [];
    const severe: ReactionOutcome['severe'] = [];
    const aeOf = new Map<string, string>();
    const failed = () => {
      setBusy(false);
      setNotice({ tone: 'error', text: t('infusion.saveFailed') });
    };
    for (const id of verdict.report) {
      const grade = answers[id] as CtcaeGrade;
      const result = await openAdverseEvent(db, ctx, {
        patientId,
        data: {
          term: adverseEventTermFor(id),
          grade,
          onsetAt,
          solicited: true,
          serious: false,
          checkId,
          ...(signs.some((s) => s.signOf === id)
            ? { signs: signs.filter((s) => s.signOf === id).map((s) => s.term) }
            : {}),
        },
      });
      if (!result.ok) return failed();
      aeOf.set(id, result.recordId);
      if (grade >= REACTION_GRADE_STOPS_FLOW)
        severe.push({ adverseEventId: result.recordId, name: termName(id, lang), grade });
    }
    const otherEventIds: string[] = [];
    for (const other of others) {
      const result = await openAdverseEvent(db, ctx, {
        patientId,
        data: { term: other.term, grade: other.grade!, onsetAt, solicited: false, serious: false, checkId },
      });
      if (!result.ok) return failed();
      otherEventIds.push(result.recordId);
      if (other.grade! >= REACTION_GRADE_STOPS_FLOW)
        severe.push({ adverseEventId: result.recordId, name: other.name, grade: other.grade! });
    }
    const checklist: ChecklistAnswer[] = terms.map((id): ChecklistAnswer => {
      const answer = answers[id]!;
      if (answer === 'absent') return { item: id, present: false };
      const sign = signs.find((s) => s.term === id);
      return sign
        ? {
            item: id,
            present: true,
            grade: answer,
            adverseEventId: aeOf.get(sign.signOf)!,
            signOf: sign.signOf,
          }
        : { item: id, present: true, grade: answer, adverseEventId: aeOf.get(id)! };
    });
    const result = await recordObservation(db, ctx, {
      kind: 'monitoringCheck',
      patientId,
      data: {
        checkId,
        doneAt: onsetAt,
        answers: checklist,
        ...(otherEventIds.length ? { otherEventIds } : {}),
        ...(vitalSignsId ? { vitalSignsId } : {}),
      },
    });
    setBusy(false);
    if (!result.ok) return failed();
    onSaved({ severe });
  };

  return (
    <section
      className="panel reaction-checklist"
      aria-labelledby="reaction-title"
      data-testid="reaction-checklist"
    >
      <h2 id="reaction-title">{t('infusion.reaction.title')}</h2>
      <p className="muted">{t('infusion.reaction.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={unanswered.length === 0}
          onClick={() =>
            setAnswers((a) => ({ ...Object.fromEntries(unanswered.map((id) => [id, 'absent'])), ...a }))
          }
          data-testid="reaction-rest-absent"
        >
          {t('infusion.reaction.restAbsent', { count: unanswered.length })}
        </button>
      </div>
      <ul className="reaction-terms">
        {terms.map((id) => {
          const answer = answers[id];
          return (
            <li
              key={id}
              className={typeof answer === 'number' ? 'reaction-term present' : 'reaction-term'}
              data-testid={`reaction-${id}`}
            >
              <fieldset>
                <legend>{termName(id, lang)}</legend>
                <div className="reaction-options">
                  <button
                    type="button"
                    className={answer === 'absent' ? 'reaction-option chosen' : 'reaction-option secondary'}
                    aria-pressed={answer === 'absent'}
                    onClick={() => set(id, 'absent')}
                  >
                    {t('infusion.reaction.absent')}
                  </button>
                  {gradesAvailable(id).map((grade) => (
                    <button
                      key={grade}
                      type="button"
                      className={
                        answer === grade
                          ? `reaction-option grade-${grade} chosen`
                          : `reaction-option grade-${grade} secondary`
                      }
                      aria-pressed={answer === grade}
                      aria-label={t('infusion.reaction.gradeN', { grade })}
                      title={gradeText(id, grade, lang) ?? ''}
                      onClick={() => set(id, grade)}
                    >
                      <strong>{grade}</strong>
                      <span className="reaction-grade-text">{gradeText(id, grade, lang)}</span>
                    </button>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <h3>{t('infusion.reaction.others')}</h3>
      {others.map((other) => (
        <OtherTerm
          key={other.key}
          other={other}
          onGrade={(grade) =>
            setOthers((list) => list.map((o) => (o.key === other.key ? { ...o, grade } : o)))
          }
          onRemove={() => setOthers((list) => list.filter((o) => o.key !== other.key))}
        />
      ))}
      <TermPicker
        label={t('infusion.reaction.search')}
        onPick={(term, name) =>
          setOthers((list) => [...list, { key: `${Date.now()}-${list.length}`, term, name }])
        }
      />
      {question && (
        <div
          role="alertdialog"
          aria-labelledby="both-title"
          className="panel both-question"
          data-testid="both-question"
        >
          <h3 id="both-title">{t('clinical.infusionReaction.whichApplies')}</h3>
          <p>{t('clinical.infusionReaction.rule')}</p>
          <div className="actions">
            {(['infusionRelatedReaction', 'allergicReaction'] as const).map((term) => (
              <button key={term} type="button" onClick={() => void save(term)}>
                {termName(term, lang)}
              </button>
            ))}
          </div>
        </div>
      )}
      <FormNotice notice={notice} />
      <div className="actions">
        <button
          type="button"
          className="save-big"
          disabled={busy}
          onClick={() => void save()}
          data-testid="reaction-save"
        >
          {t('infusion.reaction.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </section>
  );
}

function OtherTerm({
  other,
  onGrade,
  onRemove,
}: {
  other: Other;
  onGrade: (g: CtcaeGrade) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const info = useTermInfo(other.term, langOf(i18n.language));
  return (
    <div className="reaction-other" data-testid="reaction-other">
      <strong>{other.name}</strong>{' '}
      <button type="button" className="secondary" onClick={onRemove}>
        {t('infusion.reaction.remove')}
      </button>
      <GradeChoice name={`other-${other.key}`} info={info} value={other.grade} onChange={onGrade} />
    </div>
  );
}
