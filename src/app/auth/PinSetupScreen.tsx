import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_MAX_LENGTH } from '@/session/pin';
import { useSession, type PendingSignIn } from '@/session/session-store';
import { ClockSkewWarning } from './SessionBanners';

/** After an online sign-in: choose the personal PIN (twice), or keep the one already set on this tablet. */
export function PinSetupScreen({ pending }: { pending: PendingSignIn }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'keep' | 'new'>(pending.hasPin ? 'keep' : 'new');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = useSession.getState();
      const outcome =
        mode === 'keep' ? await session.confirmExistingPin(pin) : await session.choosePin(pin, confirmation);
      if (!outcome.ok) {
        setProblem(outcome.problem);
        if (outcome.problem === 'mismatch') setConfirmation('');
        if (outcome.problem === 'wrong-pin') setPin('');
      }
    } finally {
      setBusy(false);
    }
  };

  const pinInput = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    autoFocus = false,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
        maxLength={PIN_MAX_LENGTH}
        className="pin-input"
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </div>
  );

  return (
    <section className="auth-card" aria-labelledby="pin-title" data-testid="pin-setup">
      <h1 id="pin-title">{t('pin.title')}</h1>
      <p>
        <strong>{t('pin.hello', { name: pending.displayName })}</strong>
      </p>
      <ClockSkewWarning />
      <p className="muted">{mode === 'keep' ? t('pin.keepIntro') : t('pin.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {mode === 'keep' ? (
          pinInput('pin-current', t('pin.current'), pin, setPin, true)
        ) : (
          <>
            {pinInput('pin-new', t('pin.new'), pin, setPin, true)}
            {pinInput('pin-confirm', t('pin.confirm'), confirmation, setConfirmation)}
          </>
        )}
        {problem && (
          <p role="alert" className="field-error" data-testid="pin-error">
            {t(`pin.problem.${problem}`)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? t('pin.saving') : mode === 'keep' ? t('pin.keep') : t('pin.save')}
          </button>
          {mode === 'keep' && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setMode('new');
                setPin('');
                setProblem(null);
              }}
            >
              {t('pin.chooseNew')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => void useSession.getState().cancelSignIn()}
          >
            {t('pin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
