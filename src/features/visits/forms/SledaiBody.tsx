import { memo, useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SLEDAI_DESCRIPTORS } from '@/domain';
import type { AssessmentBody, ShellValues } from '../AssessmentShell';
import { RevealPlaceholder, useRevealed } from '@/ui/reveal';
import { ChoiceGroup } from '../controls';
import { lang, SLEDAI_TEXTS, type Lang } from '../instrument-texts';

type Options = readonly { value: boolean; label: string }[];
/** A descriptor's height, about (its content-visibility size in visits.css). */
const DESCRIPTOR_REM = 11;

/**
 * SELENA-SLEDAI: the 24 descriptors with their weight and definition, each answered present or absent. The body
 * watches the answers it reads (for "all remaining absent"); each descriptor is memoised and renders again only
 * for its own answer (its ChoiceGroup watches it), so an answer or the form's opening renders each once.
 */
export const SledaiBody: AssessmentBody = ({ form, disabled }) => {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const answers = useWatch({ control: form.control, name: 'data.answers' as never }) as
    Record<string, boolean | undefined> | undefined;
  // The first screenful of descriptors at once (six fill an upright tablet under the title), the others after.
  const shown = useRevealed(SLEDAI_DESCRIPTORS.length, 6);
  const unanswered = SLEDAI_DESCRIPTORS.filter((d) => answers?.[d.id] === undefined);
  // The same two answers for the 24 descriptors: translated once, not 48 times.
  const present = t('visits.present');
  const absent = t('visits.absent');
  const options = useMemo<Options>(
    () => [
      { value: true, label: present },
      { value: false, label: absent },
    ],
    [present, absent],
  );
  return (
    <>
      <p className="muted">{t('visits.sledaiWindow')}</p>
      <ol className="descriptor-list">
        {SLEDAI_DESCRIPTORS.slice(0, shown).map((descriptor) => (
          <Descriptor
            key={descriptor.id}
            descriptor={descriptor}
            weight={t('visits.weight', { weight: descriptor.weight })}
            control={form.control}
            disabled={disabled}
            l={l}
            options={options}
          />
        ))}
        <RevealPlaceholder count={SLEDAI_DESCRIPTORS.length - shown} itemRem={DESCRIPTOR_REM} />
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

/** One descriptor, its texts passed in: no translation hook in each of the 24. */
const Descriptor = memo(function Descriptor({
  descriptor,
  weight,
  control,
  disabled,
  l,
  options,
}: {
  descriptor: (typeof SLEDAI_DESCRIPTORS)[number];
  weight: string;
  control: Control<ShellValues>;
  disabled: boolean;
  l: Lang;
  options: Options;
}) {
  const texts = SLEDAI_TEXTS[descriptor.id];
  return (
    <li className="descriptor" data-testid={`sledai-${descriptor.id}`}>
      <ChoiceGroup
        control={control}
        name={`data.answers.${descriptor.id}`}
        disabled={disabled}
        legend={
          <>
            <strong>{texts.name[l]}</strong> <span className="pill">{weight}</span>
          </>
        }
        options={options}
      />
      <p className="definition">{texts.definition[l]}</p>
    </li>
  );
});
