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
  measuredAt: {
    atSave: 'When saved',
    setByHand: 'Enter the time',
    byHand: 'entered by hand',
    useSaveTime: 'Use the time of saving',
    byHandMark: 'Time entered by hand',
  },
};
