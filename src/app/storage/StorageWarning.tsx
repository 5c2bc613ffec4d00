import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { create } from 'zustand';
import { checkStorage, isLowOnSpace, useStorageStatus } from './storage-status';

const ACK_KEY = 'chevet.storage.notPersisted.acknowledged';

function rememberedAck(): boolean {
  try {
    return localStorage.getItem(ACK_KEY) === '1';
  } catch {
    return false;
  }
}

// "Not persisted" is a standing fact of this browser: once acknowledged it is not repeated on this tablet (the
// Settings screen still shows it). "Low on space" can get worse: acknowledged for this page load only.
const useAcknowledged = create<{ notPersisted: boolean; low: boolean }>(() => ({
  notPersisted: rememberedAck(),
  low: false,
}));

function acknowledge(kind: 'notPersisted' | 'low') {
  useAcknowledged.setState({ [kind]: true });
  if (kind === 'notPersisted')
    try {
      localStorage.setItem(ACK_KEY, '1');
    } catch {
      // Private mode: acknowledged for this page load.
    }
}

/** A notice when the browser may evict this tablet's data, or when space runs low, that the person can acknowledge. */
export function StorageWarning() {
  const { t } = useTranslation();
  const status = useStorageStatus();
  const acknowledged = useAcknowledged();
  useEffect(() => {
    void checkStorage();
  }, []);
  if (!status.checked) return null;
  const kind = isLowOnSpace(status) ? 'low' : status.persisted === false ? 'notPersisted' : undefined;
  if (!kind || acknowledged[kind]) return null;
  const low = kind === 'low';
  return (
    <div
      role={low ? 'alert' : 'status'}
      className={low ? 'banner banner-danger' : 'banner banner-warn'}
      data-testid={low ? 'storage-low' : 'storage-not-persisted'}
    >
      <span>{t(low ? 'storage.low' : 'storage.notPersisted')}</span>
      <Link to="/settings">{t('storage.details')}</Link>
      <button type="button" className="secondary" onClick={() => acknowledge(kind)}>
        {t('storage.acknowledge')}
      </button>
    </div>
  );
}
