import { useTranslation } from 'react-i18next';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import type { AssessmentBody } from '../AssessmentShell';
import { ChoiceGroup } from '../controls';
import { BILAG_TEXTS, lang } from '../instrument-texts';

const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;

/** BILAG-2004: a grade A–E for each of the nine systems, with the system's items as a grading aid. */
export const BilagBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  return (
    <ol className="descriptor-list">
      {BILAG_SYSTEMS.map((system) => (
        <li key={system} className="descriptor" data-testid={`bilag-${system}`}>
          <ChoiceGroup
            control={form.control}
            name={`data.grades.${system}`}
            disabled={disabled}
            legend={<strong>{BILAG_TEXTS[system].name[l]}</strong>}
            options={GRADES.map((grade) => ({
              value: grade,
              label: <span title={t(`visits.bilagGrade.${grade}`)}>{grade}</span>,
            }))}
          />
          <details className="definition">
            <summary>{t('visits.bilagAid')}</summary>
            <p>{BILAG_TEXTS[system].aid[l]}</p>
            <ul>
              {GRADES.map((grade) => (
                <li key={grade}>{t(`visits.bilagGrade.${grade}`)}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
};
