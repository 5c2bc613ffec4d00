import { useEffect, useId, useState, type ReactNode } from 'react';
import { useController, type Control } from 'react-hook-form';
import { DateTimeInput } from '@/ui/DateTimeInput';
import { entryFromDate, readDateTimeEntry, toOffsetIso, type DateTimeEntry } from '@/ui/date-time-entry';
import type { ShellValues } from './AssessmentShell';

// Touch controls bound to react-hook-form (every change is a 'change' event, so the draft autosaves it).

type Option<V> = { value: V; label: ReactNode };

/** One answer among a few, as large buttons (radio semantics); the current value stays visible. */
export function ChoiceGroup<V extends string | number | boolean>({
  control,
  name,
  legend,
  options,
  disabled,
  testId,
  large,
}: {
  control: Control<ShellValues>;
  name: string;
  legend: ReactNode;
  options: readonly Option<V>[];
  disabled?: boolean;
  testId?: string;
  large?: boolean;
}) {
  const { field } = useController({ control, name: name as never });
  const group = useId();
  return (
    <fieldset className={large ? 'choice choice-large' : 'choice'} data-testid={testId} disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={String(option.value)} className={field.value === option.value ? 'selected' : undefined}>
          <input
            type="radio"
            name={group}
            checked={field.value === option.value}
            onChange={() => field.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

const parse = (text: string) => {
  const raw = text.replace(',', '.').trim();
  const number = Number(raw);
  return raw === '' || !Number.isFinite(number) ? undefined : number;
};

/** A decimal typed with the numeric keypad ("1,5" or "1.5"); empty = not entered. */
export function NumberField({
  control,
  name,
  label,
  hint,
  id,
  step,
  min,
  max,
  disabled,
}: {
  control: Control<ShellValues>;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  id: string;
  step?: number;
  min?: number;
  max?: number;
  disabled?: boolean;
}) {
  const { field } = useController({ control, name: name as never });
  const value = field.value as number | undefined;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // A value set from outside (a restored draft, a synced revision) replaces what is shown.
  useEffect(() => {
    if (parse(text) !== value) setText(value === undefined ? '' : String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        disabled={disabled}
        value={text}
        data-step={step}
        data-min={min}
        data-max={max}
        onChange={(event) => {
          setText(event.target.value);
          field.onChange(parse(event.target.value));
        }}
        onBlur={field.onBlur}
      />
      {hint && <small>{hint}</small>}
    </div>
  );
}

/**
 * A date and time bound to an ISO field (the records keep offsets), through the app's one date-time entry: a saved
 * value is shown again as day/month/year and 24-hour time (a native datetime-local could not show an offsetted ISO
 * time, so a reloaded form showed an empty field), and a half-typed entry stays on screen while the field is empty.
 */
export function DateTimeField({
  control,
  name,
  legend,
  id,
  notFuture,
}: {
  control: Control<ShellValues>;
  name: string;
  legend: string;
  id: string;
  notFuture?: boolean;
}) {
  const { field } = useController({ control, name: name as never });
  const value = field.value as string | undefined;
  const shown = (iso: string | undefined): DateTimeEntry =>
    iso && !Number.isNaN(Date.parse(iso)) ? entryFromDate(new Date(iso)) : { date: '', time: '' };
  const [entry, setEntry] = useState<DateTimeEntry>(() => shown(value));
  // A value set from outside (a restored draft, a synced revision) replaces what is shown.
  useEffect(() => {
    const reading = readDateTimeEntry(entry);
    const current = reading.ok ? toOffsetIso(reading.at) : '';
    if ((value ?? '') !== current && !(value && reading.ok && Date.parse(value) === reading.at.getTime()))
      setEntry(shown(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <DateTimeInput
      id={id}
      legend={legend}
      value={entry}
      notFuture={notFuture}
      onChange={(next) => {
        setEntry(next);
        const reading = readDateTimeEntry(next, notFuture ? { notAfter: new Date() } : {});
        field.onChange(reading.ok ? toOffsetIso(reading.at) : '');
      }}
    />
  );
}
