import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChevetDb } from '@/db/database';
import type { SignatureMeaning } from '@/schema/signature';
import type { AuthFailure } from './auth-errors';
import { PIN_MAX_LENGTH } from './pin';
import { sessionDeps, useSession, useWriteContext } from './session-store';
import { canSign, signRecord, type SignOptions, type SignOutcome } from './signature';
import { formatDateTime } from '@/ui/format';

export type SignatureDialogProps = {
  recordId: string;
  meaning: SignatureMeaning;
  onClose: () => void;
  onSigned?: (outcome: Extract<SignOutcome, { ok: true }>) => void;
  db?: ChevetDb;
  /** Tests: the password check (defaults to the server's). */
  checkPassword?: SignOptions['checkPassword'];
};

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/**
 * The signature act: shows the meaning as a full sentence and who signs, asks for the PIN (checked on the tablet)
 * or the password (checked by the server, online only), then stores the signature record. Wrong PINs count toward
 * the five that block offline unlock; the fifth locks the app.
 */
export function SignatureDialog({
  recordId,
  meaning,
  onClose,
  onSigned,
  db,
  checkPassword,
}: SignatureDialogProps) {
  const { t, i18n } = useTranslation();
  const ctx = useWriteContext();
  const person = useSession((s) => s.person);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const [method, setMethod] = useState<'pin' | 'password'>('pin');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titleId = useId();
  const sentenceId = useId();
  const allowed = canSign(ctx?.role, meaning);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const passwordMessage = (error: AuthFailure) => {
    switch (error.kind) {
      case 'unreachable':
        return t('signature.problem.password-offline');
      case 'invalid-credentials':
        return t('auth.error.invalidCredentials');
      case 'account-locked':
        return error.until
          ? t('auth.error.accountLockedUntil', { until: formatDateTime(error.until, i18n.language) })
          : t('auth.error.accountLocked');
      case 'rate-limited':
        return t('auth.error.rateLimited');
      case 'account-disabled':
        return t('auth.error.accountDisabled');
      case 'device-revoked':
        return t('auth.error.deviceRevoked');
      default:
        return t('signature.problem.failed');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ctx || busy) return;
    if (!secret) return setMessage(t('signature.problem.required'));
    if (method === 'password' && !online) return setMessage(t('signature.problem.password-offline'));
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await signRecord(
        db ?? sessionDeps().db(),
        ctx,
        { recordId, meaning, method, pinOrPassword: secret },
        checkPassword ? { checkPassword } : {},
      );
      setSecret('');
      if (outcome.ok) {
        onSigned?.(outcome);
        onClose();
        return;
      }
      switch (outcome.problem) {
        case 'wrong-pin':
          return setMessage(t('lock.wrongPin', { count: outcome.attemptsLeft }));
        case 'pin-disabled-now':
        case 'pin-disabled':
          setMessage(t(`signature.problem.${outcome.problem}`));
          // Too many wrong PINs: whoever holds the tablet must prove who they are online.
          useSession.getState().lock();
          return;
        case 'password':
          return setMessage(passwordMessage(outcome.error));
        case 'command':
          return setMessage(
            outcome.error.code === 'storage-full' ? t('storage.full') : t('signature.problem.failed'),
          );
        default:
          return setMessage(t(`signature.problem.${outcome.problem}`));
      }
    } catch {
      setMessage(t('signature.problem.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={sentenceId}
        className="dialog"
        data-testid="signature-dialog"
      >
        <h2 id={titleId}>{t('signature.title')}</h2>
        <p id={sentenceId} className="signature-meaning">
          {t(`signature.meaning.${meaning}`)}
        </p>
        {person && (
          <p className="muted">
            {t('signature.signer', { name: person.displayName, role: t(`session.role.${person.role}`) })}
          </p>
        )}
        {!allowed ? (
          <>
            <p role="alert" className="field-error">
              {t('signature.problem.forbidden')}
            </p>
            <div className="actions">
              <button type="button" className="secondary" onClick={onClose}>
                {t('signature.cancel')}
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <fieldset className="choice">
              <legend>{t('signature.method')}</legend>
              <label>
                <input
                  type="radio"
                  name="signature-method"
                  checked={method === 'pin'}
                  onChange={() => {
                    setMethod('pin');
                    setSecret('');
                  }}
                />
                {t('signature.methodPin')}
              </label>
              <label>
                <input
                  type="radio"
                  name="signature-method"
                  checked={method === 'password'}
                  disabled={!online}
                  onChange={() => {
                    setMethod('password');
                    setSecret('');
                  }}
                />
                {t('signature.methodPassword')}
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor={`${titleId}-secret`}>
                {method === 'pin' ? t('signature.pin') : t('signature.password')}
              </label>
              <input
                id={`${titleId}-secret`}
                type="password"
                autoFocus
                autoComplete={method === 'pin' ? 'off' : 'current-password'}
                {...(method === 'pin'
                  ? { inputMode: 'numeric' as const, pattern: '[0-9]*', maxLength: PIN_MAX_LENGTH }
                  : {})}
                className={method === 'pin' ? 'pin-input' : undefined}
                value={secret}
                onChange={(e) =>
                  setSecret(method === 'pin' ? e.target.value.replace(/\D/g, '') : e.target.value)
                }
              />
            </div>
            {message && (
              <p role="alert" className="field-error" data-testid="signature-error">
                {message}
              </p>
            )}
            <div className="actions">
              <button type="submit" disabled={busy} aria-busy={busy}>
                {busy ? t('signature.signing') : t('signature.sign')}
              </button>
              <button type="button" className="secondary" onClick={onClose} disabled={busy}>
                {t('signature.cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
