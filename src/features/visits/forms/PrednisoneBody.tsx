import { useTranslation } from 'react-i18next';
import type { AssessmentBody } from '../AssessmentShell';
import { NumberField } from '../controls';

/** The mean daily prednisone dose since the previous visit (visits.md), mg/day prednisone equivalent. */
export const PrednisoneBody: AssessmentBody = ({ form, disabled, entry }) => {
  const { t } = useTranslation();
  return (
    <NumberField
      control={form.control}
      name="data.mgPerDay"
      id="prednisone-mg"
      label={t('visits.prednisoneMg')}
      hint={entry.visit === 'M12' ? t('visits.prednisoneHint') : undefined}
      min={0}
      max={1250}
      disabled={disabled}
    />
  );
};
