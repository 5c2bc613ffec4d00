import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';
import { NumberField } from '../controls';
import { expectedLabs } from '../visit-model';

/** The protocol's labs at the visit with units and normal ranges, and the cytokine tubes collected. */
export const BiologyBody: AssessmentBody = ({ form, disabled, entry }) => {
  const { t, i18n } = useTranslation();
  const labs = useWatch({ control: form.control, name: 'data.labs' as never }) as
    Record<string, number | undefined> | undefined;
  const samples = useFieldArray({ control: form.control, name: 'data.samples' as never });
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const withCytokines = entry.item.contents?.samples.includes('cytokines') ?? false;
  return (
    <>
      <h3>{t('visits.biology.labs')}</h3>
      <div className="grid">
        {expectedLabs(entry.item.contents).map((lab) => {
          const value = labs?.[lab.id];
          const out = value !== undefined && (value < lab.normal[0] || value > lab.normal[1]);
          return (
            <div key={lab.id} data-testid={`lab-${lab.id}`} className={out ? 'lab out-of-range' : 'lab'}>
              <NumberField
                control={form.control}
                name={`data.labs.${lab.id}`}
                id={`lab-${lab.id}`}
                label={`${t(`visits.biology.lab.${lab.id}`)} (${lab.unit})`}
                hint={
                  <>
                    {t('visits.biology.normal', { low: number(lab.normal[0]), high: number(lab.normal[1]) })}
                    {out && <strong className="field-error"> — {t('visits.biology.outOfRange')}</strong>}
                  </>
                }
                disabled={disabled}
              />
            </div>
          );
        })}
      </div>
      {withCytokines && (
        <>
          <h3>{t('visits.biology.samples')}</h3>
          {samples.fields.map((field, index) => (
            <div key={field.id} className="grid" data-testid="sample-entry">
              <div className="field">
                <label htmlFor={`sample-${index}-tube`}>{t('visits.biology.tubeId')}</label>
                <input
                  id={`sample-${index}-tube`}
                  {...form.register(`data.samples.${index}.tubeId` as never)}
                />
              </div>
              <div className="field">
                <label htmlFor={`sample-${index}-at`}>{t('visits.biology.collectedAt')}</label>
                <input
                  id={`sample-${index}-at`}
                  type="datetime-local"
                  {...form.register(`data.samples.${index}.collectedAt` as never, {
                    setValueAs: toOffsetIso,
                  })}
                />
              </div>
              <button type="button" className="secondary" onClick={() => samples.remove(index)}>
                {t('visits.failure.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            disabled={disabled}
            onClick={() => samples.append({ tubeId: '', collectedAt: '' } as never)}
          >
            {t('visits.biology.addSample')}
          </button>
        </>
      )}
    </>
  );
};

/** A datetime-local value as an ISO time with the tablet's offset (the records keep offsets). */
function toOffsetIso(local: string): string {
  if (!local || /[+-]\d\d:\d\d$|Z$/.test(local)) return local;
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
