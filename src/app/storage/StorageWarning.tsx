import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkStorage, isLowOnSpace, useStorageStatus } from './storage-status';

/** A clear warning when the browser may evict this tablet's data, or when space runs low. */
export function StorageWarning() {
  const { t } = useTranslation();
  const status = useStorageStatus();
  useEffect(() => {
    void checkStorage();
  }, []);
  if (!status.checked) return null;
  if (isLowOnSpace(status)) {
    return (
      <div role="alert" className="banner banner-danger" data-testid="storage-low">
        <span>{t('storage.low')}</span>
        <Link to="/settings">{t('storage.details')}</Link>
      </div>
    );
  }
  if (status.persisted === false) {
    return (
      <div role="status" className="banner banner-warn" data-testid="storage-not-persisted">
        <span>{t('storage.notPersisted')}</span>
        <Link to="/settings">{t('storage.details')}</Link>
      </div>
    );
  }
  return null;
}
