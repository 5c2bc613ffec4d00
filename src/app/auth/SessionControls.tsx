import { useTranslation } from 'react-i18next';
import { useSession } from '@/session/session-store';

/** Top-bar controls of the signed-in person: who, Lock (always visible), Switch user. */
export function SessionControls() {
  const { t } = useTranslation();
  const person = useSession((s) => s.person);
  if (!person) return null;
  return (
    <div className="session-controls" data-testid="session-controls">
      <span className="session-who" data-testid="session-who">
        {t('session.who', { name: person.displayName, role: t(`session.role.${person.role}`) })}
      </span>
      <button type="button" className="secondary" onClick={() => useSession.getState().switchUser()}>
        {t('session.switchUser')}
      </button>
      <button type="button" className="lock-button" onClick={() => useSession.getState().lock()}>
        {t('session.lock')}
      </button>
    </div>
  );
}
