import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/ui/format';

/** "il y a 3 minutes" / "3 minutes ago", refreshed every 30 s, with the exact time on hover and for readers. */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const [, refresh] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => refresh((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  // Read the clock at each render: a time set just now (a sync that has just succeeded) must not be compared
  // with the clock of the last 30-second tick, which said "in 20 seconds". Never in the future, either.
  const seconds = Math.min(0, Math.round((Date.parse(iso) - Date.now()) / 1000));
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    Math.abs(seconds) < 60
      ? [seconds, 'second']
      : Math.abs(seconds) < 3600
        ? [Math.round(seconds / 60), 'minute']
        : Math.abs(seconds) < 86400
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / 86400), 'day'];
  return (
    <time dateTime={iso} title={formatDateTime(iso, i18n.language)}>
      {format.format(value, unit)}
    </time>
  );
}
