import type { UiCatalogue } from './ui.fr';

export const uiEn: UiCatalogue = {
  dateTime: {
    date: 'Date',
    time: 'Time',
    datePlaceholder: 'dd/mm/yyyy',
    timePlaceholder: 'hh:mm',
    now: 'Now',
    problem: {
      incomplete: 'Enter the date and the time.',
      invalidDate: 'Invalid date: day/month/year, e.g. 01/12/2026.',
      invalidTime: 'Invalid time: 00:00 to 23:59, e.g. 08:15.',
      future: 'This time is in the future: enter the time the measurement was taken.',
    },
  },
  draft: {
    offeredBy: 'Unsaved draft by {{name}}, from {{when}}.',
    offered: 'Unsaved draft from {{when}}.',
    offeredHint:
      'The highlighted values come from this draft, not from your typing. Resume it to complete it, or discard it for a blank form.',
    restoredBy: 'Draft by {{name}} restored (typed {{when}}): the highlighted values are not saved yet.',
    restored: 'Draft restored (typed {{when}}): the highlighted values are not saved yet.',
    keep: 'Resume this draft',
    discard: 'Discard the draft',
  },
  measuredAt: {
    atSave: 'When saved',
    setByHand: 'Enter the time',
    byHand: 'entered by hand',
    useSaveTime: 'Use the time of saving',
    byHandMark: 'Time entered by hand',
  },
};
