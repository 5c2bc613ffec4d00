import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answerQuery, moveQuery } from '@/db/data-queries';
import { getDb } from '@/db/database';
import type { CommandResult } from '@/db/command-result';
import { queryActions, valueAt, type QueryMessage, type QueryThread } from '@/domain/data-query';
import type { RecordKind } from '@/schema/records';
import { useNames } from '@/session/people-names';
import { useRole, useWriteContext } from '@/session/session-store';
import { Field } from '@/ui/Field';
import { fieldValue } from '@/session/field-labels';
import { formatDateTime } from '@/ui/format';

/** One query: its messages in the order written, and the next step this person may take (answer, close, re-open). */
export function QueryThreadView({ thread }: { thread: QueryThread }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const role = useRole();
  const kind = thread.target.kind as RecordKind;
  const queried = useLiveQuery(
    () =>
      getDb()
        .revisions.where('recordId')
        .equals(thread.target.recordId)
        .filter((r) => r.rev === thread.target.rev && r.status !== 'rejected')
        .first(),
    [thread.target.recordId, thread.target.rev],
  );
  const show = (value: unknown) => fieldValue(t, i18n, kind, thread.target.field, value);
  const actions = queryActions(thread.status, role);
  // With the names: never a shortened id for a moment before the author's name is read.
  if (!names) return null;
  return (
    <div className="query-thread" data-testid="query-thread" data-status={thread.status}>
      <p>
        <span
          className={`pill ${thread.status === 'closed' ? 'pill-ok' : 'pill-warn'}`}
          data-testid="query-status"
        >
          {t(`queries.status.${thread.status}`)}
        </span>{' '}
        {queried &&
          t('queries.queriedValue', {
            rev: thread.target.rev,
            value: show(valueAt(queried.data, thread.target.field)),
          })}
      </p>
      <ol className="query-messages">
        {thread.messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            by={names?.find(m.by)?.name}
            field={thread.target.field}
            show={show}
          />
        ))}
      </ol>
      {actions.includes('answer') && <AnswerForm thread={thread} />}
      {actions.includes('close') && <MoveForm thread={thread} action="close" />}
      {actions.includes('reopen') && <MoveForm thread={thread} action="reopen" />}
    </div>
  );
}

function MessageItem({
  message,
  by,
  field,
  show,
}: {
  message: QueryMessage;
  by: string | undefined;
  field: string;
  show: (value: unknown) => string;
}) {
  const { t, i18n } = useTranslation();
  const data = message.data;
  const correctionId = data.action === 'answer' ? data.correction?.recordId : undefined;
  const corrected = useLiveQuery(
    async () => (correctionId ? ((await getDb().records.get(correctionId)) ?? null) : null),
    [correctionId],
  );
  return (
    <li data-testid="query-message" data-action={data.action}>
      <strong>{t(`queries.action.${data.action}`, { by: by ?? message.by.slice(0, 8) })}</strong>{' '}
      <small>
        {t('queries.at', { at: formatDateTime(message.at, i18n.language) })}
        {message.pending && ` · ${t('queries.pending')}`}
      </small>
      {'text' in data && data.text && <p>{data.text}</p>}
      {corrected && (
        <p className="pill pill-ok" data-testid="query-correction">
          {t('queries.corrected', { value: show(valueAt(corrected.data, field)) })}
        </p>
      )}
    </li>
  );
}

function useSubmit() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<CommandResult<object>>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await write();
      if (!result.ok) {
        const known = ['forbidden', 'stale', 'invalid', 'reason-required', 'not-found'];
        setError(t(`queries.error.${known.includes(result.code) ? result.code : 'other'}`));
        return false;
      }
      return true;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function AnswerForm({ thread }: { thread: QueryThread }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const id = useId();
  const [text, setText] = useState('');
  const [correct, setCorrect] = useState(false);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit();
  const [missing, setMissing] = useState(false);
  const submit = async () => {
    if (!ctx) return;
    if (!text.trim()) return setMissing(true);
    setMissing(false);
    const done = await run(() =>
      answerQuery(getDb(), ctx, {
        queryId: thread.id,
        text: text.trim(),
        ...(correct ? { correction: { value, reason } } : {}),
      }),
    );
    if (done) {
      setText('');
      setCorrect(false);
    }
  };
  return (
    <QueryForm onSubmit={submit}>
      <Field
        id={`${id}-text`}
        label={t('queries.answerText')}
        error={missing ? t('queries.textRequired') : undefined}
      >
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="query-answer-text"
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={correct}
          onChange={(e) => setCorrect(e.target.checked)}
          data-testid="query-correct"
        />{' '}
        {t('queries.correct')}
      </label>
      {correct && (
        <>
          <Field id={`${id}-value`} label={t('queries.newValue')}>
            <input
              id={`${id}-value`}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              data-testid="query-new-value"
            />
          </Field>
          <Field id={`${id}-reason`} label={t('queries.reason')}>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="query-reason"
            />
          </Field>
        </>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="query-answer">
        {t('queries.answerSubmit')}
      </button>
    </QueryForm>
  );
}

function MoveForm({ thread, action }: { thread: QueryThread; action: 'close' | 'reopen' }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const { error, busy, run } = useSubmit();
  const submit = async () => {
    if (!ctx) return;
    if (action === 'reopen' && !text.trim()) return setMissing(true);
    setMissing(false);
    if (await run(() => moveQuery(getDb(), ctx, { queryId: thread.id, action, text }))) setText('');
  };
  return (
    <QueryForm onSubmit={submit}>
      <Field
        id={`${id}-text`}
        label={t(`queries.${action}Text`)}
        error={missing ? t('queries.textRequired') : undefined}
      >
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={`query-${action}-text`}
        />
      </Field>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className={action === 'close' ? undefined : 'secondary'}
        disabled={busy}
        data-testid={`query-${action}`}
      >
        {t(`queries.${action}Submit`)}
      </button>
    </QueryForm>
  );
}

/** A query's form: submitted by the button or Enter, without the page's own navigation. */
export function QueryForm({ onSubmit, children }: { onSubmit: () => Promise<unknown>; children: ReactNode }) {
  return (
    <form
      className="query-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
