import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { assessmentRecordId } from '@/db/assessments';
import { createRecord, saveRevision } from '@/db/commands';
import { getDb } from '@/db/database';
import { discardDraft, loadDraft, saveDraft } from '@/db/drafts';
import { EQ5D_DIMENSIONS, type VisitId } from '@/domain';
import type { Assessment } from '@/schema/assessments';
import { visitIdSchema } from '@/schema/schedule';
import { checkPersonPin } from '@/session/pin-check';
import { useSession, useWriteContext } from '@/session/session-store';
import { questionnaireOf, type Questionnaire } from './QuestionnairePage';
import { EQ5D_TEXTS, EQ5D_VAS_TEXT, SF36_ITEMS } from './texts';
import './questionnaires.css';
import '@/features/visits/messages';

// Patient mode (issue 23): the participant fills the SF-36 or the EQ-5D on the tablet themself, in French, one
// question per screen with large answers and a progress bar. The rest of Chevet is hidden (the app is made inert
// under a full-screen layer) and leaving — by the button, the back gesture or any link — needs the PIN of the staff
// member who handed the tablet over. The answers are saved as the participant's, "via" that person.

type Answers = Record<string, number | null>;
type Step =
  { key: string; title: string; answers: readonly string[] } | { key: 'vas'; title: string; vas: true };

function stepsOf(questionnaire: Questionnaire): Step[] {
  if (questionnaire === 'sf36')
    return SF36_ITEMS.map((item) => ({
      key: String(item.number - 1),
      title: item.text.fr,
      answers: item.answers.map((a) => a.fr),
    }));
  return [
    ...EQ5D_DIMENSIONS.map((dimension) => ({
      key: dimension,
      title: EQ5D_TEXTS[dimension].title.fr,
      answers: EQ5D_TEXTS[dimension].levels.map((l) => l.fr),
    })),
    { key: 'vas' as const, title: EQ5D_VAS_TEXT.fr, vas: true as const },
  ];
}

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

function toData(
  questionnaire: Questionnaire,
  visit: VisitId,
  answers: Answers,
  base: Assessment | undefined,
  via: string,
): Assessment {
  const common = {
    visit,
    assessedOn: base?.assessedOn ?? today(),
    respondent: 'participant' as const,
    via,
    ...(base?.lateReason ? { lateReason: base.lateReason } : {}),
  };
  if (questionnaire === 'sf36')
    return {
      ...common,
      form: 'sf36',
      response: { form: 'v2', answers: Array.from({ length: 36 }, (_, i) => answers[String(i)] ?? null) },
    } as Assessment;
  const levels = Object.fromEntries(
    [...EQ5D_DIMENSIONS, 'vas'].flatMap((key) =>
      typeof answers[key] === 'number' ? [[key, answers[key]]] : [],
    ),
  );
  return { ...common, form: 'eq5d5l', levels } as Assessment;
}

function fromData(data: Assessment | undefined): Answers {
  if (data?.form === 'sf36') return Object.fromEntries(data.response.answers.map((a, i) => [String(i), a]));
  if (data?.form === 'eq5d5l') return { ...data.levels } as Answers;
  return {};
}

/** …/visits/:visit/sf36/patient and …/eq5d5l/patient */
export default function PatientModePage() {
  const { i18n } = useTranslation();
  const fr = useMemo(() => i18n.getFixedT('fr'), [i18n]);
  const { participantId = '', visit } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const ctx = useWriteContext();
  const person = useSession((s) => s.person);
  const questionnaire = questionnaireOf(pathname);
  const visitId = visitIdSchema.safeParse(visit);
  const recordId =
    questionnaire && visitId.success ? assessmentRecordId(participantId, visitId.data, questionnaire) : '';
  const stored = useLiveQuery(
    async () => (recordId ? ((await getDb().records.get(recordId)) ?? null) : null),
    [recordId],
  );
  const draftForm = `patient:${recordId}`;
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [index, setIndex] = useState(0);
  const [finished, setFinished] = useState(false);
  // A ref, not state: the navigation right after the PIN must already see the mode unlocked.
  const locked = useRef(true);
  const [askPin, setAskPin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const steps = useMemo(() => (questionnaire ? stepsOf(questionnaire) : []), [questionnaire]);
  const formPage = pathname.replace(/\/patient\/?$/, '');

  // Start from a draft of this patient session, else from the saved answers.
  useEffect(() => {
    if (stored === undefined || answers !== null || !ctx) return;
    void loadDraft(getDb(), ctx.userId, draftForm).then((draft) => {
      const restored = (draft?.data as { answers?: Answers; index?: number } | undefined) ?? undefined;
      setAnswers(restored?.answers ?? fromData(stored?.data as Assessment | undefined));
      setIndex(Math.min(restored?.index ?? 0, steps.length - 1));
    });
  }, [stored, answers, ctx, draftForm, steps.length]);

  // Everything behind the patient layer is inert: not reachable by touch, keyboard or screen reader.
  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    return () => root?.removeAttribute('inert');
  }, []);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      locked.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === 'blocked') setAskPin(true);
  }, [blocker.state]);

  if (!questionnaire || !visitId.success) return null;
  if (!ctx || !person || answers === null) return null;

  const record = (next: Answers, nextIndex: number) => {
    setAnswers(next);
    setIndex(nextIndex);
    void saveDraft(getDb(), ctx.userId, draftForm, { answers: next, index: nextIndex }, new Date());
  };
  const step = steps[index]!;
  const answer = (value: number | null) => {
    const next = { ...answers, [step.key]: value };
    if (index < steps.length - 1) record(next, index + 1);
    else {
      record(next, index);
      void finish(next);
    }
  };
  const finish = async (final: Answers) => {
    const data = toData(
      questionnaire,
      visitId.data,
      final,
      stored?.data as Assessment | undefined,
      person.displayName,
    );
    const result = stored
      ? await saveRevision(getDb(), ctx, { recordId, data, reason: fr('visits.patientMode.reasonSaved') })
      : await createRecord(getDb(), ctx, { kind: 'assessment', recordId, patientId: participantId, data });
    if (!result.ok) return setError(fr('form.invalid'));
    await discardDraft(getDb(), ctx.userId, draftForm);
    setFinished(true);
  };
  const unlock = async (pin: string) => {
    const check = await checkPersonPin(getDb(), ctx.userId, pin, new Date());
    if (!check.ok) {
      setError(fr('visits.patientMode.wrongPin'));
      if (check.problem === 'disabled-now' || check.problem === 'disabled') useSession.getState().lock();
      return;
    }
    locked.current = false;
    setAskPin(false);
    if (blocker.state === 'blocked') blocker.proceed();
    else void navigate(formPage);
  };

  const progress = Math.round(((finished ? steps.length : index) / steps.length) * 100);
  return createPortal(
    <div
      className="patient-mode"
      role="dialog"
      aria-modal="true"
      aria-label={fr(`visits.form.${questionnaire}`)}
      data-testid="patient-mode"
      lang="fr"
    >
      <header className="patient-head">
        <h1>{fr('visits.patientMode.title', { name: fr(`visits.form.${questionnaire}`) })}</h1>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
          aria-label={fr('visits.patientMode.progress', { n: index + 1, total: steps.length })}
        >
          <div className="progress-bar" style={{ width: `${progress}%` }} />
        </div>
        <p data-testid="patient-progress">
          {fr('visits.patientMode.progress', { n: Math.min(index + 1, steps.length), total: steps.length })}
        </p>
      </header>
      {askPin ? (
        <PinPrompt
          name={person.displayName}
          error={error}
          onSubmit={(pin) => void unlock(pin)}
          onCancel={() => {
            setAskPin(false);
            setError(null);
            if (blocker.state === 'blocked') blocker.reset();
          }}
          t={fr}
        />
      ) : finished ? (
        <div className="patient-question" data-testid="patient-thanks">
          <p className="patient-title">{fr('visits.patientMode.thanks')}</p>
          <p>{fr('visits.patientMode.saved')}</p>
        </div>
      ) : (
        <div className="patient-question" data-testid="patient-question" data-step={step.key}>
          <p className="patient-title">{step.title}</p>
          {'vas' in step ? (
            <VasInput value={answers.vas ?? null} onDone={(value) => answer(value)} t={fr} />
          ) : (
            <div className="patient-answers">
              {step.answers.map((label, i) => (
                <button
                  key={label}
                  type="button"
                  className={answers[step.key] === i + 1 ? 'patient-answer selected' : 'patient-answer'}
                  aria-pressed={answers[step.key] === i + 1}
                  onClick={() => answer(i + 1)}
                >
                  {label}
                </button>
              ))}
            </div>
          )}
          <div className="actions patient-nav">
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              onClick={() => setIndex(index - 1)}
            >
              {fr('visits.patientMode.previous')}
            </button>
            <button type="button" className="secondary" onClick={() => answer(answers[step.key] ?? null)}>
              {index < steps.length - 1 || 'vas' in step
                ? fr('visits.patientMode.skip')
                : fr('visits.patientMode.finish')}
            </button>
          </div>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
      {!askPin && (
        <footer className="patient-foot">
          <button type="button" className="link-button" onClick={() => setAskPin(true)}>
            {fr('visits.patientMode.leave')}
          </button>
        </footer>
      )}
    </div>,
    document.body,
  );
}

function VasInput({
  value,
  onDone,
  t,
}: {
  value: number | null;
  onDone: (value: number) => void;
  t: (key: string) => string;
}) {
  const [current, setCurrent] = useState<number>(value ?? 50);
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  return (
    <div className="vas">
      <output className="vas-value" data-testid="vas-value">
        {current}
      </output>
      <input
        type="range"
        min={0}
        max={100}
        step={1}
        value={current}
        aria-label="EVA"
        onChange={(e) => setCurrent(Number(e.target.value))}
      />
      <div className="actions">
        {[-10, -1, 1, 10].map((delta) => (
          <button
            key={delta}
            type="button"
            className="secondary"
            onClick={() => setCurrent(clamp(current + delta))}
          >
            {delta > 0 ? `+${delta}` : delta}
          </button>
        ))}
      </div>
      <button type="button" className="patient-answer" onClick={() => onDone(current)}>
        {t('visits.patientMode.finish')}
      </button>
    </div>
  );
}

function PinPrompt({
  name,
  error,
  onSubmit,
  onCancel,
  t,
}: {
  name: string;
  error: string | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  t: (key: string, options?: Record<string, unknown>) => string;
}) {
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(pin);
    setPin('');
  };
  return (
    <form className="patient-question" onSubmit={submit} data-testid="patient-pin">
      <label htmlFor="patient-pin" className="patient-title">
        {t('visits.patientMode.pinPrompt', { name })}
      </label>
      <input
        id="patient-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        className="pin-input"
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
      />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">{t('visits.patientMode.unlock')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('visits.patientMode.cancel')}
        </button>
      </div>
    </form>
  );
}
