import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Device } from '@/schema/auth';
import { useRole } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { adminApi, type AdminApi, type AdminFailure } from './admin-api';
import { adminFailureMessage } from './admin-messages';
import { CreateUserForm } from './CreateUserForm';
import { DevicesPanel } from './DevicesPanel';
import { UsersPanel } from './UsersPanel';
import { useOnline } from '@/ui/use-online';

/** Accounts and tablets of the central store (admins only, online only). */
export default function AdminPage({ api: given }: { api?: AdminApi }) {
  const { t } = useTranslation();
  const role = useRole();
  const online = useOnline();
  const api = useMemo(() => given ?? adminApi(), [given]);
  const [users, setUsers] = useState<Account[] | undefined>(undefined);
  const [devices, setDevices] = useState<Device[] | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [loading, setLoading] = useState(false);

  const fail = useCallback(
    (error: AdminFailure) => setNotice({ tone: 'error', text: adminFailureMessage(t, error) }),
    [t],
  );

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [u, d] = await Promise.all([api.listUsers(), api.listDevices()]);
      if (u.ok) setUsers(u.value);
      if (d.ok) setDevices(d.value);
      const failed = !u.ok ? u.error : !d.ok ? d.error : null;
      if (failed) fail(failed);
    } finally {
      setLoading(false);
    }
  }, [api, fail]);

  const isAdmin = role === 'admin';
  useEffect(() => {
    if (isAdmin && online) void reload();
  }, [isAdmin, online, reload]);

  if (!isAdmin) {
    return (
      <section>
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('admin.onlyAdmin')}</p>
      </section>
    );
  }

  const done = (text: string) => setNotice({ tone: 'ok', text });
  return (
    <section data-testid="admin-page">
      <h1>{t('admin.title')}</h1>
      {!online && (
        <p role="alert" className="banner banner-warn" data-testid="admin-offline">
          {t('admin.offline')}
        </p>
      )}
      <FormNotice notice={notice} testId="admin-notice" />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!online || loading}
          onClick={() => void reload()}
        >
          {t('admin.refresh')}
        </button>
      </div>
      <CreateUserForm
        api={api}
        disabled={!online}
        onCreated={(user) => {
          setUsers((list) => [...(list ?? []), user]);
          done(t('admin.created', { username: user.username }));
        }}
        onError={fail}
      />
      <UsersPanel
        api={api}
        users={users}
        disabled={!online}
        onChanged={(user, text) => {
          setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)));
          done(text);
        }}
        onDone={done}
        onError={fail}
      />
      <DevicesPanel
        api={api}
        devices={devices}
        disabled={!online}
        onRevoked={(device) => {
          setDevices((list) => list?.map((d) => (d.id === device.id ? device : d)));
          done(t('admin.revokedDone', { name: device.name }));
        }}
        onError={fail}
      />
    </section>
  );
}
