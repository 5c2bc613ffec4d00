import { useTranslation } from 'react-i18next';
import { entryFromDate } from './date-time-entry';
import { DateTimeInput } from './DateTimeInput';
import type { MeasuredAtEntry } from './measured-at';
import './ui.css';

/**
 * The time of a measurement: "at save" until the person sets it by hand (a set taken earlier and entered now);
 * then a date-time entry that cannot be in the future, marked as entered by hand, with a way back. The form
 * resolves it with `resolveMeasuredAt` at the moment it saves.
 */
export function MeasuredAtField({
  id,
  legend,
  value,
  onChange,
  error,
  restored,
}: {
  id: string;
  legend: string;
  value: MeasuredAtEntry;
  onChange: (value: MeasuredAtEntry) => void;
  error?: string;
  restored?: boolean;
}) {
  const { t } = useTranslation();
  if (value === null)
    return (
      <fieldset className="date-time" data-testid={`${id}-at-save`}>
        <legend>{legend}</legend>
        <div className="date-time-row">
          <span className="date-time-auto">{t('ui.measuredAt.atSave')}</span>
          <button type="button" className="secondary" onClick={() => onChange(entryFromDate(new Date()))}>
            {t('ui.measuredAt.setByHand')}
          </button>
        </div>
      </fieldset>
    );
  return (
    <div className="measured-at-manual">
      <DateTimeInput
        id={id}
        legend={`${legend} — ${t('ui.measuredAt.byHand')}`}
        value={value}
        onChange={onChange}
        notFuture
        error={error}
        restored={restored}
      />
      <button type="button" className="link-button" onClick={() => onChange(null)}>
        {t('ui.measuredAt.useSaveTime')}
      </button>
    </div>
  );
}
