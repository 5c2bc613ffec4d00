import { BILAG_TEXTS, lang, SDI_TEXTS, SLEDAI_TEXTS } from '@/features/visits/instrument-texts';
// The visit forms' names and words (a lazy section): a visit form's history, conflict or query names them too.
import '@/features/visits/messages';

// A visit form's fields as its form names them (issue 23's instruments): a SELENA-SLEDAI descriptor, a BILAG
// system, an SDI item, an EQ-5D dimension, a lab; the form itself by its title. The record history showed the
// words of their codes ("increased dna binding", "form : toleranceReview", "mg per day").

type Texts = Record<string, Record<'fr' | 'en', string> | { name: Record<'fr' | 'en', string> } | undefined>;
const named = (texts: Texts, id: string, language: string) => {
  const text = texts[id];
  if (!text) return undefined;
  return ('name' in text ? text.name : text)[lang(language)];
};

/**
 * An instrument item's name: `answers.<descriptor>` (SELENA-SLEDAI), `grades.<system>` (BILAG), `items.<item>`
 * (SDI), `levels.<dimension>` (EQ-5D-5L), `labs.<lab>` (biology). Undefined for any other field.
 */
export function assessmentFieldLabel(
  field: string,
  language: string,
  /** A catalogue key's text, undefined when the catalogue has none. */
  text: (key: string) => string | undefined,
): string | undefined {
  const [group, id, ...rest] = field.split('.');
  if (!id || rest.length > 0) return undefined;
  switch (group) {
    case 'answers':
      return named(SLEDAI_TEXTS as Texts, id, language);
    case 'grades':
      return named(BILAG_TEXTS as Texts, id, language);
    case 'items':
      return named(SDI_TEXTS as Texts, id, language);
    case 'levels':
      return text(id === 'vas' ? 'visits.vas' : `visits.eq5dDimension.${id}`);
    case 'labs':
      return text(`visits.biology.lab.${id}`);
    default:
      return undefined;
  }
}
