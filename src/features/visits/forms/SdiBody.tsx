import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SDI_ITEMS } from '@/domain';
import type { AssessmentBody } from '../AssessmentShell';
import { ChoiceGroup } from '../controls';
import { lang, SDI_SYSTEM_TEXTS, SDI_TEXTS } from '../instrument-texts';

const SYSTEMS = [...new Set(SDI_ITEMS.map((item) => item.system))];

/** SLICC/ACR damage index: points per item (0 up to its maximum), grouped by system. */
export const SdiBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  // Watched, not read from the form's values: the body is memoised by the frame and must render again for them.
  const items = useWatch({ control: form.control, name: 'data.items' as never }) as
    Record<string, number | undefined> | undefined;
  const unanswered = SDI_ITEMS.filter((item) => items?.[item.id] === undefined);
  return (
    <>
      <p className="muted">{t('visits.sdiNote')}</p>
      {SYSTEMS.map((system) => (
        <section key={system} className="sdi-system">
          <h3>{SDI_SYSTEM_TEXTS[system]?.[l] ?? system}</h3>
          {SDI_ITEMS.filter((item) => item.system === system).map((item) => {
            const points =
              'allOrNothing' in item ? [0, item.max] : Array.from({ length: item.max + 1 }, (_, n) => n);
            return (
              <ChoiceGroup
                key={item.id}
                control={form.control}
                name={`data.items.${item.id}`}
                disabled={disabled}
                testId={`sdi-${item.id}`}
                legend={SDI_TEXTS[item.id][l]}
                options={points.map((p) => ({ value: p, label: t('visits.sdiPoints', { points: p }) }))}
              />
            );
          })}
        </section>
      ))}
      {unanswered.length > 0 && !disabled && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            for (const item of unanswered)
              form.setValue(`data.items.${item.id}` as never, 0 as never, { shouldDirty: true });
          }}
        >
          {t('visits.allAbsent')}
        </button>
      )}
    </>
  );
};
