import { useTranslation } from 'react-i18next';
import type { UseFormRegister } from 'react-hook-form';
import { useFormat } from '@/ui/use-format';
import type { FactInput } from './eligibility-fields';
import { IMMUNOSUPPRESSANT_IDS } from './eligibility-fields';
import { immunosuppressantField, type FieldProblem, type FormValues } from './fact-values';
import { REFRACTORY_REGIMENS } from '@/domain';

type Props = {
  input: FactInput;
  register: UseFormRegister<FormValues>;
  problem?: FieldProblem;
  disabled?: boolean;
};

/** Two or more big choices (a gloved finger): yes / no, negative / positive, F / M. */
export function Choice({
  name,
  legend,
  options,
  register,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  register: UseFormRegister<FormValues>;
}) {
  return (
    <fieldset className="choice" data-testid={`fact-${name}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice-option">
          <input type="radio" value={option.value} {...register(name)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function FieldProblemText({
  id,
  problem,
  unit,
}: {
  id: string;
  problem?: FieldProblem;
  unit?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!problem) return null;
  const text =
    problem.problem === 'outOfBounds'
      ? t('screening.outOfBounds', {
          min: format.number(problem.min),
          max: format.number(problem.max),
          unit: unit ?? '',
        })
      : t(`screening.${problem.problem}`);
  return (
    <small id={`${id}-error`} role="alert" className="field-error" data-testid={`problem-${id}`}>
      {text}
    </small>
  );
}

/** One screening fact, its unit printed beside it, its refusal (with the bounds) under it. */
export function FactField({ input, register, problem }: Props) {
  const { t } = useTranslation();
  const label = t(`eligibility.fact.${input.id}`);
  const yesNo = [
    { value: 'yes', label: t('screening.yes') },
    { value: 'no', label: t('screening.no') },
  ];
  switch (input.type) {
    case 'boolean':
      return <Choice name={input.id} legend={label} options={yesNo} register={register} />;
    case 'serology':
      return (
        <Choice
          name={input.id}
          legend={label}
          options={[
            { value: 'negative', label: t('screening.negative') },
            { value: 'positive', label: t('screening.positive') },
          ]}
          register={register}
        />
      );
    case 'sex':
      return (
        <Choice
          name={input.id}
          legend={label}
          options={[
            { value: 'F', label: t('participants.sexF') },
            { value: 'M', label: t('participants.sexM') },
          ]}
          register={register}
        />
      );
    case 'immunosuppressants':
      return (
        <div className="fact-group">
          <p className="fact-group-title">{label}</p>
          {IMMUNOSUPPRESSANT_IDS.map((drug) => {
            const regimen = REFRACTORY_REGIMENS.immunosuppressants[drug];
            return (
              <Choice
                key={drug}
                name={immunosuppressantField(drug)}
                legend={t(regimen.label, regimen.values)}
                options={yesNo}
                register={register}
              />
            );
          })}
        </div>
      );
    case 'number':
      return (
        <div className={problem ? 'field field-invalid' : 'field'}>
          <label htmlFor={`fact-${input.id}`}>{label}</label>
          <span className="with-unit">
            <input
              id={`fact-${input.id}`}
              inputMode="decimal"
              autoComplete="off"
              aria-invalid={!!problem}
              aria-describedby={problem ? `fact-${input.id}-error` : undefined}
              {...register(input.id)}
            />
            <span className="unit">{input.unit}</span>
          </span>
          <FieldProblemText id={`fact-${input.id}`} problem={problem} unit={input.unit} />
        </div>
      );
    case 'date':
    case 'lastDose':
      return (
        <div className={problem ? 'field field-invalid' : 'field'} data-testid={`fact-${input.id}`}>
          <label htmlFor={`fact-${input.id}`}>{label}</label>
          <span className="with-unit">
            <input
              id={`fact-${input.id}`}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('screening.dateHint')}
              aria-invalid={!!problem}
              {...register(input.id)}
            />
            {input.type === 'lastDose' && (
              <label className="choice-option">
                <input type="checkbox" value="yes" {...register(`${input.id}_never`)} />
                <span>{t('screening.never')}</span>
              </label>
            )}
          </span>
          <FieldProblemText id={`fact-${input.id}`} problem={problem} />
        </div>
      );
  }
}
