import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';
import { ChoiceGroup, NumberField } from '../controls';
import { DateInputField } from '@/ui/DateInput';

const THERAPIES = [
  'intravenousSteroids',
  'plasmapheresis',
  'intravenousImmunoglobulin',
  'otherImmunosuppressant',
] as const;

/**
 * The treatment-failure facts (synopsis, secondary endpoint 7): renal findings by date beyond the visits' biology
 * (screening values, confirmation checks) and the events that are failures by themselves.
 */
export const FailureBody: AssessmentBody = ({ form, disabled }) => {
  const { t } = useTranslation();
  const renal = useFieldArray({ control: form.control, name: 'data.renalAssessments' as never });
  const events = useFieldArray({ control: form.control, name: 'data.events' as never });
  // Read when a button is tapped, or watched: the body is memoised by the frame and renders only for what it watches.
  const assessedOn = () => form.getValues('data.assessedOn');
  const kinds = useWatch({ control: form.control, name: 'data.events' as never }) as
    { kind?: string }[] | undefined;
  return (
    <>
      <h3>{t('visits.failure.renal')}</h3>
      <p className="muted">{t('visits.failure.renalHint')}</p>
      {renal.fields.map((field, index) => (
        <fieldset key={field.id} className="grid panel" data-testid="renal-entry">
          <div className="field">
            <label htmlFor={`renal-${index}-date`}>{t('visits.failure.date')}</label>
            <DateInputField
              control={form.control}
              name={`data.renalAssessments.${index}.date` as never}
              id={`renal-${index}-date`}
            />
          </div>
          <NumberField
            control={form.control}
            name={`data.renalAssessments.${index}.creatinineUmolL`}
            id={`renal-${index}-creatinine`}
            label={t('visits.failure.creatinine')}
            disabled={disabled}
          />
          <NumberField
            control={form.control}
            name={`data.renalAssessments.${index}.proteinuriaGPer24h`}
            id={`renal-${index}-proteinuria`}
            label={t('visits.failure.proteinuria')}
            disabled={disabled}
          />
          <ChoiceGroup
            control={form.control}
            name={`data.renalAssessments.${index}.hematuriaOnTwoDipsticks`}
            legend={t('visits.failure.hematuria')}
            disabled={disabled}
            options={[
              { value: true, label: t('visits.yes') },
              { value: false, label: t('visits.no') },
            ]}
          />
          <ChoiceGroup
            control={form.control}
            name={`data.renalAssessments.${index}.cellularCasts`}
            legend={t('visits.failure.casts')}
            disabled={disabled}
            options={[
              { value: true, label: t('visits.yes') },
              { value: false, label: t('visits.no') },
            ]}
          />
          <button type="button" className="secondary" onClick={() => renal.remove(index)}>
            {t('visits.failure.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={disabled}
        onClick={() => renal.append({ date: assessedOn() } as never)}
      >
        {t('visits.failure.addRenal')}
      </button>
      <h3>{t('visits.failure.events')}</h3>
      {events.fields.map((field, index) => {
        const kind = kinds?.[index]?.kind ?? (field as unknown as { kind?: string }).kind;
        return (
          <fieldset key={field.id} className="grid panel" data-testid="failure-event">
            <strong>
              {kind === 'rescueTherapy' ? t('visits.failure.rescue') : t('visits.failure.esrd')}
            </strong>
            <div className="field">
              <label htmlFor={`event-${index}-date`}>{t('visits.failure.date')}</label>
              <DateInputField
                control={form.control}
                name={`data.events.${index}.date` as never}
                id={`event-${index}-date`}
              />
            </div>
            {kind === 'rescueTherapy' ? (
              <>
                <ChoiceGroup
                  control={form.control}
                  name={`data.events.${index}.therapy`}
                  legend={t('visits.failure.rescue')}
                  disabled={disabled}
                  options={THERAPIES.map((therapy) => ({
                    value: therapy,
                    label: t(`visits.failure.therapy.${therapy}`),
                  }))}
                />
                <ChoiceGroup
                  control={form.control}
                  name={`data.events.${index}.forSleWorsening`}
                  legend={t('visits.failure.forSleWorsening')}
                  disabled={disabled}
                  options={[
                    { value: true, label: t('visits.yes') },
                    { value: false, label: t('visits.no') },
                  ]}
                />
              </>
            ) : (
              <ChoiceGroup
                control={form.control}
                name={`data.events.${index}.treatment`}
                legend={t('visits.failure.esrd')}
                disabled={disabled}
                options={(['dialysis', 'kidneyTransplant'] as const).map((treatment) => ({
                  value: treatment,
                  label: t(`visits.failure.treatment.${treatment}`),
                }))}
              />
            )}
            <button type="button" className="secondary" onClick={() => events.remove(index)}>
              {t('visits.failure.remove')}
            </button>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={disabled}
          onClick={() =>
            events.append({
              kind: 'rescueTherapy',
              date: assessedOn(),
              therapy: 'intravenousSteroids',
              forSleWorsening: true,
            } as never)
          }
        >
          {t('visits.failure.addRescue')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={disabled}
          onClick={() =>
            events.append({
              kind: 'endStageRenalDisease',
              date: assessedOn(),
              treatment: 'dialysis',
            } as never)
          }
        >
          {t('visits.failure.addEsrd')}
        </button>
      </div>
    </>
  );
};
