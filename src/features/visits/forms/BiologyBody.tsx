import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';
import { DateTimeField, NumberField } from '../controls';
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
              <DateTimeField
                control={form.control}
                name={`data.samples.${index}.collectedAt`}
                id={`sample-${index}-at`}
                legend={t('visits.biology.collectedAt')}
                notFuture
              />
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
