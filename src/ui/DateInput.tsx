import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { dateTextFromIso, isoFromDateText, parseDateText } from './date-time-entry';

// A calendar date typed by hand as day/month/year, whatever the browser's locale (a native date field follows the
// browser: month first on an English tablet), on the numeric keypad ("04052026", "4/5/26"). The form holds the
// ISO date ('2026-05-04'); a text that is not a date is handed on as typed, so the form's schema refuses it and
// nothing typed is lost. DateTimeInput is the same entry with a time.

/** What was typed → the ISO date, or the text trimmed when it is no date ('' when empty). */
const heldValue = (text: string) => isoFromDateText(text) ?? text.trim();

export function DateInput({
  id,
  value,
  onChange,
  disabled,
  describedBy,
}: {
  id: string;
  /** The ISO date, or the text typed when it is not one. */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => dateTextFromIso(value));
  const [left, setLeft] = useState(false);
  // A value set from outside (a draft restored, the form reset) shows as it is; the text typed is kept otherwise.
  const shown = heldValue(text) === value ? text : dateTextFromIso(value);
  const invalid = left && shown.trim() !== '' && !parseDateText(shown);
  return (
    <>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('ui.dateTime.datePlaceholder')}
        size={10}
        value={shown}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-date-error` : describedBy}
        onChange={(event) => {
          setText(event.target.value);
          onChange(heldValue(event.target.value));
        }}
        onBlur={() => {
          setLeft(true);
          const iso = isoFromDateText(shown);
          if (iso) setText(dateTextFromIso(iso));
        }}
      />
      {invalid && (
        <small id={`${id}-date-error`} role="alert" className="field-error">
          {t('ui.dateTime.problem.invalidDate')}
        </small>
      )}
    </>
  );
}

/** DateInput bound to a react-hook-form field holding an ISO date. */
export function DateInputField<T extends FieldValues>({
  control,
  name,
  id,
  disabled,
}: {
  control: Control<T>;
  name: Path<T>;
  id: string;
  disabled?: boolean;
}) {
  const { field } = useController({ control, name });
  return (
    <DateInput
      id={id}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      disabled={disabled ?? field.disabled}
    />
  );
}
