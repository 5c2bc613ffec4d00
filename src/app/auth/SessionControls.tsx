import { useTranslation } from 'react-i18next';
import { useSession } from '@/session/session-store';
import { Icon } from '@/ui/Icon';

/** In the app bar: who is signed in (name, role) and Lock, always visible. Switch user is in the menu. */
export function SessionControls() {
  const { t } = useTranslation();
  const person = useSession((s) => s.person);
  if (!person) return null;
  const role = t(`session.role.${person.role}`);
  return (
    <div className="session-controls" data-testid="session-controls">
      <span
        className="session-who"
        data-testid="session-who"
        title={t('session.who', { name: person.displayName, role })}
      >
        <span className="session-name">{person.displayName}</span>
        <span className="session-sep"> · </span>
        <span className="session-role">{role}</span>
      </span>
      <button
        type="button"
        className="icon-button lock-button"
        aria-label={t('session.lock')}
        title={t('session.lock')}
        onClick={() => useSession.getState().lock()}
      >
        <Icon name="lock" />
      </button>
    </div>
  );
}
