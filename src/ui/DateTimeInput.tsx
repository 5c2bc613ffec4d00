import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryFromDate, normaliseEntry, readDateTimeEntry, type DateTimeEntry } from './date-time-entry';
import './ui.css';

/**
 * One date-and-time entry for every form: day/month/year and a 24-hour time, in French whatever the browser's
 * locale, typed on the numeric keypad (a native datetime-local follows the browser: month first, AM/PM). With
 * `notFuture`, a time later than now is flagged as soon as the field is left (the form refuses it at save with
 * the same rule, `readDateTimeEntry`). "Now" fills the current time in one tap.
 */
export function DateTimeInput({
  id,
  legend,
  value,
  onChange,
  notFuture = false,
  error,
  hint,
  restored = false,
}: {
  id: string;
  legend: string;
  value: DateTimeEntry;
  onChange: (value: DateTimeEntry) => void;
  notFuture?: boolean;
  /** A message from the form (shown instead of the field's own check). */
  error?: string;
  hint?: string;
  /** The value came from a draft (highlighted). */
  restored?: boolean;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const reading = readDateTimeEntry(value, notFuture ? { notAfter: new Date() } : {});
  const problem = checked && !reading.ok && reading.problem !== 'incomplete' ? reading.problem : undefined;
  const message = error ?? (problem ? t(`ui.dateTime.problem.${problem}`) : undefined);
  const describedBy =
    [message ? `${id}-error` : hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const leave = () => {
    const normal = normaliseEntry(value);
    if (normal.date !== value.date || normal.time !== value.time) onChange(normal);
    setChecked(true);
  };
  return (
    <fieldset
      className={['date-time', message && 'field-invalid', restored && 'field-restored']
        .filter(Boolean)
        .join(' ')}
      data-testid={`${id}-entry`}
    >
      <legend>{legend}</legend>
      <div className="date-time-row">
        <label htmlFor={`${id}-date`}>
          <span className="date-time-label">{t('ui.dateTime.date')}</span>
          <input
            id={`${id}-date`}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('ui.dateTime.datePlaceholder')}
            size={10}
            value={value.date}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
            onBlur={leave}
          />
        </label>
        <label htmlFor={`${id}-time`}>
          <span className="date-time-label">{t('ui.dateTime.time')}</span>
          <input
            id={`${id}-time`}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('ui.dateTime.timePlaceholder')}
            size={5}
            value={value.time}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
            onBlur={leave}
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChange(entryFromDate(new Date()));
            setChecked(true);
          }}
        >
          {t('ui.dateTime.now')}
        </button>
      </div>
      {hint && !message && <small id={`${id}-hint`}>{hint}</small>}
      {message && (
        <small id={`${id}-error`} role="alert" className="field-error">
          {message}
        </small>
      )}
    </fieldset>
  );
}
