import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { resetPasswordRequestSchema, type Account } from '@/schema/auth';
import { useSession } from '@/session/session-store';
import { Field } from '@/ui/Field';
import type { AdminApi, AdminFailure } from './admin-api';
import { formatDateTime } from '@/ui/format';

type Props = {
  api: AdminApi;
  users: Account[] | undefined;
  disabled: boolean;
  onChanged: (user: Account, message: string) => void;
  onDone: (message: string) => void;
  onError: (error: AdminFailure) => void;
};

/** Accounts: status, new password, disable / enable (accounts are never deleted: signatures name them). */
export function UsersPanel({ api, users, disabled, onChanged, onDone, onError }: Props) {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.person?.userId);
  const [resetting, setResetting] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (user: Account) => {
    setBusy(user.id);
    try {
      const result = await api.setDisabled(user.id, !user.disabled);
      if (!result.ok) return onError(result.error);
      onChanged(
        result.value,
        t(result.value.disabled ? 'admin.disabledDone' : 'admin.enabledDone', { username: user.username }),
      );
    } finally {
      setBusy(null);
    }
  };

  // Wrong passwords delay the next sign-in of that name (the store's progressive delay); the administrator may
  // lift it, e.g. for a colleague who has just been given a new password by phone.
  const clearDelay = async (user: Account) => {
    setBusy(user.id);
    try {
      const result = await api.clearSignInDelay(user.id);
      if (!result.ok) return onError(result.error);
      onChanged(result.value, t('admin.signInDelayCleared', { username: user.username }));
    } finally {
      setBusy(null);
    }
  };

  const delayed = (user: Account) => !!user.lockedUntil && Date.parse(user.lockedUntil) > Date.now();

  const status = (user: Account) => {
    if (user.disabled) return t('admin.disabled');
    if (delayed(user) && user.lockedUntil)
      return t('admin.lockedUntil', { until: formatDateTime(user.lockedUntil, i18n.language) });
    return t('admin.active');
  };

  return (
    <section className="panel" aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.users')}</h2>
      {users?.length === 0 && <p className="muted">{t('admin.empty')}</p>}
      {users && users.length > 0 && (
        <table className="timeline admin-table" data-testid="admin-users">
          <thead>
            <tr>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.displayName')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid={`admin-user-${user.username}`}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{t(`session.role.${user.role}`)}</td>
                <td>{status(user)}</td>
                <td>
                  <div className="actions">
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled}
                      aria-expanded={resetting === user.id}
                      onClick={() => setResetting(resetting === user.id ? null : user.id)}
                    >
                      {t('admin.resetPassword')}
                    </button>
                    {delayed(user) && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={disabled || busy === user.id}
                        onClick={() => void clearDelay(user)}
                      >
                        {t('admin.clearSignInDelay')}
                      </button>
                    )}
                    {user.id !== me && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={disabled || busy === user.id}
                        onClick={() => void toggle(user)}
                      >
                        {user.disabled ? t('admin.enable') : t('admin.disable')}
                      </button>
                    )}
                  </div>
                  {resetting === user.id && (
                    <ResetPasswordForm
                      user={user}
                      api={api}
                      disabled={disabled}
                      onDone={() => {
                        setResetting(null);
                        onDone(t('admin.passwordChanged', { username: user.username }));
                      }}
                      onError={onError}
                    />
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

function ResetPasswordForm({
  user,
  api,
  disabled,
  onDone,
  onError,
}: {
  user: Account;
  api: AdminApi;
  disabled: boolean;
  onDone: () => void;
  onError: (error: AdminFailure) => void;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(resetPasswordRequestSchema),
    defaultValues: { password: '' },
  });
  const id = `admin-reset-${user.id}`;
  const submit = handleSubmit(async ({ password }) => {
    const result = await api.resetPassword(user.id, password);
    if (!result.ok) return onError(result.error);
    onDone();
  });
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        id={id}
        label={t('admin.resetPassword')}
        hint={t('admin.passwordHint')}
        error={formState.errors.password ? t('admin.validation.password') : undefined}
      >
        <input id={id} type="password" autoComplete="new-password" {...register('password')} />
      </Field>
      <button type="submit" disabled={disabled || formState.isSubmitting}>
        {t('admin.savePassword')}
      </button>
    </form>
  );
}
