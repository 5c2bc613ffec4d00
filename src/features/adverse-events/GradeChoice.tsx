import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CTCAE_GRADES, type CtcaeGrade } from '@/domain/safety/ctcae-grades';
import type { TermInfo } from './terms';

/**
 * One tap per grade, each with its definition (NCI's text for the term, the French working translation for the
 * bedside terms); a grade NCI does not define for the term is shown disabled and cannot be chosen.
 */
export function GradeChoice({
  name,
  info,
  value,
  onChange,
  inputProps,
  legend,
}: {
  name: string;
  info: TermInfo | undefined;
  value: CtcaeGrade | undefined;
  onChange?: (grade: CtcaeGrade) => void;
  /** A react-hook-form field (its value is the grade as text): each tap is a change, saved in the draft. */
  inputProps?: UseFormRegisterReturn;
  legend?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="grade-choice" data-testid={`grades-${name}`}>
      <legend>{legend ?? t('ae.grade')}</legend>
      {CTCAE_GRADES.map((grade) => {
        const text = info?.grades ? info.grades[grade] : t(`ae.genericGrade.${grade}`);
        const defined = text !== null;
        return (
          <label key={grade} className={`grade-option grade-${grade}${value === grade ? ' chosen' : ''}`}>
            {inputProps ? (
              <input type="radio" value={String(grade)} disabled={!defined} {...inputProps} />
            ) : (
              <input
                type="radio"
                name={name}
                value={grade}
                checked={value === grade}
                disabled={!defined}
                onChange={() => onChange?.(grade)}
              />
            )}
            <strong>{t('ae.gradeN', { grade })}</strong>
            <span className="grade-text">{defined ? text : t('ae.gradeNotDefined')}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
