import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedBeforeHydration } from '@/boot/hydration';
import { listPeopleWithPin, type TabletPerson } from '@/db/people';
import { PIN_MAX_LENGTH } from '@/session/pin';
import { sessionDeps, startPeople, useSession, type UnlockOutcome } from '@/session/session-store';
import { LoginScreen } from './LoginScreen';

/** Unlock with the personal PIN (offline): choose who you are, then type your PIN. */
export function LockScreen() {
  const { t } = useTranslation();
  const lockedUserId = useSession((s) => s.lockedUserId);
  const db = sessionDeps().db();
  // On the page's first screen, the people it was prerendered with until Dexie answers (src/boot).
  const people = useLiveQuery(() => listPeopleWithPin(db), [db], startPeople());
  const [chosen, setChosen] = useState<string | undefined>(lockedUserId);
  const selected = people?.find((p) => p.userId === (chosen ?? lockedUserId));

  if (!people) return <p aria-busy="true">{t('loading')}</p>;
  // Everyone signed out of this tablet: only an online sign-in is left.
  if (people.length === 0) return <LoginScreen />;
  return (
    <section className="auth-card" aria-labelledby="lock-title" data-testid="lock-screen">
      <h1 id="lock-title">{t('lock.title')}</h1>
      {selected ? (
        <UnlockForm key={selected.userId} person={selected} onOther={() => setChosen('')} />
      ) : (
        <>
          <h2>{t('lock.choose')}</h2>
          <ul className="person-list">
            {people.map((person) => (
              <li key={person.userId}>
                <button
                  type="button"
                  className="person-button secondary"
                  onClick={() => setChosen(person.userId)}
                >
                  <strong>{person.displayName}</strong>
                  <span className="muted">
                    {t(`session.role.${person.role}`)}
                    {person.offlineUnlockDisabled && ` · ${t('lock.blocked')}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => useSession.getState().showSignIn()}>
          {t('lock.signInOnline')}
        </button>
      </div>
    </section>
  );
}

function UnlockForm({ person, onOther }: { person: TabletPerson; onOther: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UnlockOutcome | null>(null);
  const digits = (value: string) => value.replace(/\D/g, '');
  // Prerendered: a PIN typed before the app ran is kept (and its Enter).
  const form = useTypedBeforeHydration({ 'unlock-pin': (value) => setPin(digits(value)) });
  const disabled =
    person.offlineUnlockDisabled || (outcome && !outcome.ok && outcome.problem.startsWith('disabled'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin) return;
    setBusy(true);
    try {
      const result = await useSession.getState().unlock(person.userId, pin);
      setPin('');
      setOutcome(result);
    } finally {
      setBusy(false);
    }
  };

  const message = (() => {
    if (disabled) return t('lock.disabled', { name: person.displayName });
    if (!outcome || outcome.ok) return null;
    if (outcome.problem === 'wrong-pin') return t('lock.wrongPin', { count: outcome.attemptsLeft });
    return t('lock.noPin');
  })();

  return (
    <form
      ref={form}
      id="unlock-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="unlock-form"
    >
      <p className="lock-person">
        <strong>{person.displayName}</strong>{' '}
        <span className="muted">{t(`session.role.${person.role}`)}</span>
      </p>
      {!disabled && (
        <div className="field">
          <label htmlFor="unlock-pin">{t('lock.pinFor', { name: person.displayName })}</label>
          <input
            id="unlock-pin"
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            className="pin-input"
            maxLength={PIN_MAX_LENGTH}
            autoFocus
            value={pin}
            onChange={(e) => setPin(digits(e.target.value))}
          />
        </div>
      )}
      {message && (
        <p role="alert" className="field-error" data-testid="unlock-error">
          {message}
        </p>
      )}
      <div className="actions">
        {disabled ? (
          <button type="button" onClick={() => useSession.getState().showSignIn(person.username)}>
            {t('lock.signInAgain')}
          </button>
        ) : (
          <button type="submit" disabled={busy || !pin} aria-busy={busy}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onOther}>
          {t('lock.otherPerson')}
        </button>
      </div>
    </form>
  );
}
