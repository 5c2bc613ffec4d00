import type { ReactNode } from 'react';

/** A labelled field with its error under it, read by screen readers with the input. */
export function Field({
  id,
  label,
  error,
  hint,
  restored = false,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** The value came from a draft (highlighted until the draft is saved or discarded). */
  restored?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={['field', error && 'field-invalid', restored && 'field-restored'].filter(Boolean).join(' ')}
    >
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <small id={`${id}-error`} role="alert" className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
