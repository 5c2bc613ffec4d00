import { useTranslation } from 'react-i18next';
import { SLEDAI_DESCRIPTORS } from '@/domain';
import type { AssessmentBody } from '../AssessmentShell';
import { ChoiceGroup } from '../controls';
import { lang, SLEDAI_TEXTS } from '../instrument-texts';

/** SELENA-SLEDAI: the 24 descriptors with their weight and definition, each answered present or absent. */
export const SledaiBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const answers = form.watch('data') as { answers?: Record<string, boolean | undefined> };
  const unanswered = SLEDAI_DESCRIPTORS.filter((d) => answers.answers?.[d.id] === undefined);
  // The same two answers for the 24 descriptors: translated once per render, not 48 times.
  const options = [
    { value: true, label: t('visits.present') },
    { value: false, label: t('visits.absent') },
  ];
  return (
    <>
      <p className="muted">{t('visits.sledaiWindow')}</p>
      <ol className="descriptor-list">
        {SLEDAI_DESCRIPTORS.map((descriptor) => (
          <li key={descriptor.id} className="descriptor" data-testid={`sledai-${descriptor.id}`}>
            <ChoiceGroup
              control={form.control}
              name={`data.answers.${descriptor.id}`}
              disabled={disabled}
              legend={
                <>
                  <strong>{SLEDAI_TEXTS[descriptor.id].name[l]}</strong>{' '}
                  <span className="pill">{t('visits.weight', { weight: descriptor.weight })}</span>
                </>
              }
              options={options}
            />
            <p className="definition">{SLEDAI_TEXTS[descriptor.id].definition[l]}</p>
          </li>
        ))}
      </ol>
      {unanswered.length > 0 && !disabled && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            for (const d of unanswered)
              form.setValue(`data.answers.${d.id}` as never, false as never, { shouldDirty: true });
          }}
        >
          {t('visits.allAbsent')}
        </button>
      )}
    </>
  );
};
