import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createAccountRequestSchema, type Account } from '@/schema/auth';
import { ROLES } from '@/schema/common';
import { Field } from '@/ui/Field';
import type { AdminApi, AdminFailure } from './admin-api';

type Props = {
  api: AdminApi;
  disabled: boolean;
  onCreated: (user: Account) => void;
  onError: (error: AdminFailure) => void;
};

/** A new account: username, display name, role, first password (the person changes nothing on the tablet). */
export function CreateUserForm({ api, disabled, onCreated, onError }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(createAccountRequestSchema),
    defaultValues: { username: '', displayName: '', role: 'nurse' as const, password: '' },
  });
  const { register, handleSubmit, formState, reset } = form;
  const error = (field: 'username' | 'displayName' | 'role' | 'password') =>
    formState.errors[field] ? t(`admin.validation.${field}`) : undefined;

  const submit = handleSubmit(async (values) => {
    const result = await api.createUser(values);
    if (!result.ok) return onError(result.error);
    reset();
    onCreated(result.value);
  });

  return (
    <form
      className="panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="admin-new-user"
    >
      <h2 id="admin-new-user">{t('admin.newUser')}</h2>
      <fieldset className="grid" disabled={disabled || formState.isSubmitting}>
        <Field id="admin-username" label={t('admin.username')} error={error('username')}>
          <input id="admin-username" autoCapitalize="none" spellCheck={false} {...register('username')} />
        </Field>
        <Field id="admin-display-name" label={t('admin.displayName')} error={error('displayName')}>
          <input id="admin-display-name" {...register('displayName')} />
        </Field>
        <Field id="admin-role" label={t('admin.role')} error={error('role')}>
          <select id="admin-role" {...register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`session.role.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="admin-password"
          label={t('admin.password')}
          hint={t('admin.passwordHint')}
          error={error('password')}
        >
          <input id="admin-password" type="password" autoComplete="new-password" {...register('password')} />
        </Field>
      </fieldset>
      <button type="submit" disabled={disabled || formState.isSubmitting}>
        {t('admin.create')}
      </button>
    </form>
  );
}
