import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';

const STEPS = Array.from({ length: 31 }, (_, tenths) => tenths / 10);

/** PGA 0–3 in steps of 0.1 on a slider with its four anchors, and the value as a number beside it. */
export const PgaBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const { field } = useController({ control: form.control, name: 'data.value' as never });
  const value = field.value as number | undefined;
  const shown =
    value === undefined
      ? '—'
      : new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1 }).format(value);
  return (
    <div className="pga">
      <label htmlFor="pga-value" className="pga-label">
        {t('visits.pgaValue')} : <output data-testid="pga-output">{shown}</output>
      </label>
      <input
        id="pga-value"
        type="range"
        min={0}
        max={3}
        step={0.1}
        disabled={disabled}
        list="pga-anchors"
        value={value ?? 0}
        className={value === undefined ? 'unset' : undefined}
        onChange={(event) => field.onChange(Math.round(Number(event.target.value) * 10) / 10)}
      />
      <datalist id="pga-anchors">
        {[0, 1, 2, 3].map((anchor) => (
          <option key={anchor} value={anchor} label={t(`visits.pgaAnchors.${anchor}`)} />
        ))}
      </datalist>
      <div className="pga-anchors" aria-hidden="true">
        {[0, 1, 2, 3].map((anchor) => (
          <span key={anchor}>
            {anchor} — {t(`visits.pgaAnchors.${anchor}`)}
          </span>
        ))}
      </div>
      <div className="field">
        <label htmlFor="pga-select">{t('visits.pgaValue')}</label>
        <select
          id="pga-select"
          disabled={disabled}
          value={value === undefined ? '' : value.toFixed(1)}
          onChange={(event) =>
            field.onChange(event.target.value === '' ? undefined : Number(event.target.value))
          }
        >
          <option value="">—</option>
          {STEPS.map((step) => (
            <option key={step} value={step.toFixed(1)}>
              {new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1 }).format(step)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
};
