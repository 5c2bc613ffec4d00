import { useTranslation } from 'react-i18next';
import { ChoiceGroup, lang, type AssessmentBody } from '@/features/visits';
import { RevealPlaceholder, useRevealed } from '@/ui/reveal';
import { SF36_ITEMS } from './texts';

/** SF-36v2: the 36 items in order, each answer a large button (pre-coded 1…n in the printed order). */
export const Sf36Body: AssessmentBody = ({ form, disabled }) => {
  const { i18n } = useTranslation();
  const l = lang(i18n.language);
  // The first screenful of items at once, the others right after (see useRevealed).
  const shown = useRevealed(SF36_ITEMS.length, 5);
  return (
    <ol className="questionnaire-items">
      {SF36_ITEMS.slice(0, shown).map((item) => (
        <li key={item.number} data-testid={`sf36-item-${item.number}`}>
          <ChoiceGroup
            large
            control={form.control}
            name={`data.response.answers.${item.number - 1}`}
            disabled={disabled}
            legend={
              <>
                <span className="item-number">{item.label}.</span> {item.text[l]}
              </>
            }
            options={item.answers.map((answer, index) => ({ value: index + 1, label: answer[l] }))}
          />
        </li>
      ))}
      {/* About the items' content-visibility size (questionnaires.css). */}
      <RevealPlaceholder count={SF36_ITEMS.length - shown} itemRem={16} />
    </ol>
  );
};

export const emptySf36 = () => ({ response: { form: 'v2', answers: Array<null>(36).fill(null) } });
