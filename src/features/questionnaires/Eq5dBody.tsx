import { useTranslation } from 'react-i18next';
import { EQ5D_DIMENSIONS } from '@/domain';
import { ChoiceGroup, lang, NumberField, type AssessmentBody } from '@/features/visits';
import { EQ5D_TEXTS, EQ5D_VAS_TEXT } from './texts';

/** EQ-5D-5L: five dimensions at levels 1–5 as large buttons, and the EQ VAS 0–100. */
export const Eq5dBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  return (
    <>
      {EQ5D_DIMENSIONS.map((dimension) => (
        <ChoiceGroup
          key={dimension}
          large
          control={form.control}
          name={`data.levels.${dimension}`}
          testId={`eq5d-${dimension}`}
          disabled={disabled}
          legend={<strong>{EQ5D_TEXTS[dimension].title[l]}</strong>}
          options={EQ5D_TEXTS[dimension].levels.map((text, index) => ({ value: index + 1, label: text[l] }))}
        />
      ))}
      <NumberField
        control={form.control}
        name="data.levels.vas"
        id="eq5d-vas"
        label={t('visits.vas')}
        hint={EQ5D_VAS_TEXT[l]}
        min={0}
        max={100}
        disabled={disabled}
      />
    </>
  );
};

export const emptyEq5d = () => ({ levels: {} });
