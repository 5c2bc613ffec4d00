/** The outcome of a form action: an error is announced at once (alert), a success politely (status). */
export type Notice = { tone: 'ok' | 'error'; text: string };

export function FormNotice({ notice, testId }: { notice: Notice | null; testId?: string }) {
  if (!notice) return null;
  const error = notice.tone === 'error';
  return (
    <p
      role={error ? 'alert' : 'status'}
      className={error ? 'field-error' : 'pill pill-ok'}
      data-testid={testId}
    >
      {notice.text}
    </p>
  );
}
