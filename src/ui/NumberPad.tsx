import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './number-pad.css';
import {
  applyKey,
  couldBecomeValid,
  isComplete,
  isWithinBounds,
  type PadKey,
  type PadFieldSpec,
} from './number-entry';

// The large on-screen number pad (issue 21): keys of at least 56 px, usable with gloves, no system keyboard
// (the values are buttons, not inputs). The nurse taps digits only: each field moves on to the next by itself once
// its value is complete (number-entry.ts); "Next" moves on early (a heart rate of 25 could still become 250).
// A value that can no longer fall within bounds is shown at once and stops the pad there. A hardware keyboard
// works too (digits, comma or point, Backspace, Enter/Tab).

export type PadField = PadFieldSpec & { id: string; label: string; unit?: string };

export type NumberPadProps = {
  fields: readonly PadField[];
  values: Readonly<Record<string, string>>;
  active: string | undefined;
  onChange(values: Record<string, string>, active: string | undefined): void;
  /** Fields whose value passes an alert threshold: accepted, highlighted. */
  flagged?: ReadonlySet<string>;
  /** Message per field (e.g. an out-of-bounds value found at save). */
  errors?: Readonly<Record<string, string>>;
  /** Listen to the hardware keyboard (default true). */
  keyboard?: boolean;
};

const KEYS: readonly PadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'decimal', '0', 'back'];

/** The message for a value that cannot be within bounds, or undefined. */
export function padFieldError(text: string, field: PadFieldSpec): 'bounds' | undefined {
  return text !== '' && !couldBecomeValid(text, field) ? 'bounds' : undefined;
}

export function NumberPad({
  fields,
  values,
  active,
  onChange,
  flagged,
  errors,
  keyboard = true,
}: NumberPadProps) {
  const { t, i18n } = useTranslation();
  const separator = i18n.language === 'en' ? '.' : ',';
  const index = fields.findIndex((f) => f.id === active);
  const field = fields[index];

  const press = (key: PadKey) => {
    if (!field) return;
    const text = applyKey(values[field.id] ?? '', key, field, separator);
    const next = { ...values, [field.id]: text };
    // Complete: on to the next empty-or-following field (the last one stays active for the save).
    const advance = key !== 'back' && isComplete(text, field) && index < fields.length - 1;
    onChange(next, advance ? fields[index + 1]!.id : field.id);
  };
  const moveNext = () => {
    if (index >= 0 && index < fields.length - 1) onChange({ ...values }, fields[index + 1]!.id);
  };

  useEffect(() => {
    if (!keyboard) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable))
        return;
      if (/^\d$/.test(event.key)) press(event.key as PadKey);
      else if (event.key === ',' || event.key === '.') press('decimal');
      else if (event.key === 'Backspace') press('back');
      else if (event.key === 'Tab' && !event.shiftKey && index < fields.length - 1) {
        event.preventDefault();
        moveNext();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="number-pad" data-testid="number-pad">
      <div className="pad-fields" role="group" aria-label={t('pad.values')}>
        {fields.map((f) => {
          const text = values[f.id] ?? '';
          const error =
            errors?.[f.id] ??
            (padFieldError(text, f) ? t('pad.bounds', { min: f.min, max: f.max }) : undefined);
          const classes = [
            'pad-field',
            f.id === active ? 'pad-field-active' : '',
            error ? 'pad-field-invalid' : '',
            flagged?.has(f.id) ? 'pad-field-flagged' : '',
            text !== '' && isWithinBounds(text, f) ? 'pad-field-filled' : '',
          ].join(' ');
          return (
            <button
              key={f.id}
              type="button"
              className={classes}
              aria-pressed={f.id === active}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `pad-${f.id}-error` : undefined}
              data-testid={`pad-field-${f.id}`}
              onClick={() => onChange({ ...values }, f.id)}
            >
              <span className="pad-field-label">{f.label}</span>
              <span className="pad-field-value">{text || '—'}</span>
              {f.unit && <span className="pad-field-unit">{f.unit}</span>}
              {error && (
                <span id={`pad-${f.id}-error`} role="alert" className="pad-field-error">
                  {error}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="pad-keys">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="pad-key"
            disabled={!field || (key === 'decimal' && !(field.decimals ?? 0))}
            aria-label={key === 'back' ? t('pad.erase') : key === 'decimal' ? t('pad.decimal') : key}
            onClick={() => press(key)}
          >
            {key === 'back' ? '⌫' : key === 'decimal' ? separator : key}
          </button>
        ))}
        <button
          type="button"
          className="pad-key pad-key-next secondary"
          disabled={index < 0 || index >= fields.length - 1}
          onClick={moveNext}
        >
          {t('pad.next')}
        </button>
      </div>
    </div>
  );
}
