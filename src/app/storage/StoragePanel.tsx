import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/ui/format';
import { checkStorage, isLowOnSpace, useStorageStatus } from './storage-status';

const megabytes = (bytes: number | undefined, language: string) =>
  bytes === undefined ? '—' : formatNumber(bytes / 1024 / 1024, language, { maximumFractionDigits: 1 });

/** Settings: is this tablet's data protected from eviction, and how much space is used and left. */
export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const status = useStorageStatus();
  return (
    <section aria-labelledby="storage-title" data-testid="storage-panel">
      <h2 id="storage-title">{t('storage.title')}</h2>
      <p data-testid="storage-persisted">
        {status.persisted ? t('storage.persisted') : t('storage.notPersisted')}
      </p>
      <p data-testid="storage-usage">
        {t('storage.usage', {
          used: megabytes(status.usage, i18n.language),
          quota: megabytes(status.quota, i18n.language),
        })}
      </p>
      {isLowOnSpace(status) && <p role="alert">{t('storage.low')}</p>}
      <button type="button" className="secondary" onClick={() => void checkStorage()}>
        {t('storage.recheck')}
      </button>
    </section>
  );
}
