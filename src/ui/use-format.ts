import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMegabytes, formatNumber, formatTime } from './format';

/** The formatting helpers bound to the interface's current language (re-rendered when it changes). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
      megabytes: (bytes: number) => formatMegabytes(bytes, language),
      date: (when: string | number | Date) => formatDate(when, language),
      time: (when: string | number | Date, options?: { seconds?: boolean }) =>
        formatTime(when, language, options),
      dateTime: (when: string | number | Date, options?: { year?: boolean; seconds?: boolean }) =>
        formatDateTime(when, language, options),
    }),
    [language],
  );
}
