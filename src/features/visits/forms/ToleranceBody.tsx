import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';
import { ChoiceGroup } from '../controls';

/** M1 tolerance review: whether a new adverse event occurred (graded in the adverse-event workflow), and notes. */
export const ToleranceBody: AssessmentBody = ({ form, disabled }) => {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup
        control={form.control}
        name="data.newAdverseEvents"
        legend={t('visits.toleranceNewAe')}
        disabled={disabled}
        options={[
          { value: true, label: t('visits.yes') },
          { value: false, label: t('visits.no') },
        ]}
      />
      <div className="field">
        <label htmlFor="tolerance-notes">{t('visits.notes')}</label>
        <textarea
          id="tolerance-notes"
          rows={3}
          {...form.register('data.notes' as never, { setValueAs: (v: string) => v || undefined })}
        />
      </div>
    </>
  );
};
