import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '@/schema/auth';
import type { AdminApi, AdminFailure } from './admin-api';
import { formatDateTime } from '@/ui/format';

type Props = {
  api: AdminApi;
  devices: Device[] | undefined;
  disabled: boolean;
  onRevoked: (device: Device) => void;
  onError: (error: AdminFailure) => void;
};

/** Registered tablets (one per person and tablet): revoking stops its sync; its unsent data stay on it. */
export function DevicesPanel({ api, devices, disabled, onRevoked, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('admin.never'));

  const revoke = async (device: Device) => {
    setBusy(true);
    try {
      const result = await api.revokeDevice(device.id);
      if (!result.ok) return onError(result.error);
      setConfirming(null);
      onRevoked(result.value);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="admin-devices">
      <h2 id="admin-devices">{t('admin.devices')}</h2>
      {devices?.length === 0 && <p className="muted">{t('admin.empty')}</p>}
      {devices && devices.length > 0 && (
        <table className="timeline admin-table" data-testid="admin-devices">
          <thead>
            <tr>
              <th scope="col">{t('admin.deviceName')}</th>
              <th scope="col">{t('admin.owner')}</th>
              <th scope="col">{t('admin.lastSeen')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <td>{device.name}</td>
                <td>{device.username}</td>
                <td>{when(device.lastSeenAt)}</td>
                <td>
                  {device.revokedAt ? (
                    <span className="pill pill-danger">
                      {t('admin.revokedAt', { at: when(device.revokedAt) })}
                    </span>
                  ) : confirming === device.id ? (
                    <div role="group" aria-label={t('admin.revoke')}>
                      <p>{t('admin.revokeConfirm', { name: device.name, username: device.username })}</p>
                      <div className="actions">
                        <button type="button" disabled={disabled || busy} onClick={() => void revoke(device)}>
                          {t('admin.confirm')}
                        </button>
                        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                          {t('admin.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled}
                      onClick={() => setConfirming(device.id)}
                    >
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
