// Messages of the shared pieces in src/ui (date-time entry, measurement time, drafts, app bar), used by every
// workflow. Added to fr.ts under `ui`; ui.en.ts has the same keys.
export const uiFr = {
  dateTime: {
    date: 'Date',
    time: 'Heure',
    datePlaceholder: 'jj/mm/aaaa',
    timePlaceholder: 'hh:mm',
    now: 'Maintenant',
    problem: {
      incomplete: 'Indiquez la date et l’heure.',
      invalidDate: 'Date invalide : jour/mois/année, par exemple 01/12/2026.',
      invalidTime: 'Heure invalide : de 00:00 à 23:59, par exemple 08:15.',
      future: 'Cette heure est dans le futur : indiquez l’heure à laquelle la mesure a été prise.',
    },
  },
  draft: {
    offeredBy: 'Brouillon non enregistré de {{name}}, du {{when}}.',
    offered: 'Brouillon non enregistré du {{when}}.',
    offeredHint:
      'Les valeurs surlignées viennent de ce brouillon, pas de votre saisie. Reprenez-le pour le compléter, ou abandonnez-le pour un formulaire vierge.',
    restoredBy:
      'Brouillon de {{name}} restauré (saisi le {{when}}) : les valeurs surlignées ne sont pas encore enregistrées.',
    restored:
      'Brouillon restauré (saisi le {{when}}) : les valeurs surlignées ne sont pas encore enregistrées.',
    keep: 'Reprendre ce brouillon',
    discard: 'Abandonner le brouillon',
  },
  measuredAt: {
    atSave: 'À l’enregistrement',
    setByHand: 'Saisir l’heure',
    byHand: 'saisie à la main',
    useSaveTime: 'Prendre l’heure de l’enregistrement',
    byHandMark: 'Heure saisie à la main',
  },
};
export type UiCatalogue = typeof uiFr;
