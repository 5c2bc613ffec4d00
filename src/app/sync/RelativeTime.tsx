import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "il y a 3 minutes" / "3 minutes ago", refreshed every 30 s, with the exact time on hover and for readers. */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
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
    <time dateTime={iso} title={new Date(iso).toLocaleString(i18n.language)}>
      {format.format(value, unit)}
    </time>
  );
}
