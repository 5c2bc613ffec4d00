import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQueriesWaiting } from '@/features/queries/use-waiting';
import { useRole, useSession } from '@/session/session-store';
import { Icon } from '@/ui/Icon';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Everything the app bar has no room for on an upright tablet: the other screens, the language, switching
 * user. Closes on a choice, on Escape, on a tap elsewhere and when the route changes.
 */
export function AppMenu() {
  const { t } = useTranslation();
  const role = useRole();
  const queriesWaiting = useQueriesWaiting(role);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="app-menu" ref={root}>
      <button
        type="button"
        ref={button}
        className="icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('nav.menu')}
        title={t('nav.menu')}
        onClick={() => setOpen(!open)}
        data-testid="app-menu-button"
      >
        <Icon name="menu" />
      </button>
      {open && (
        <div id={panelId} className="app-menu-panel" data-testid="app-menu">
          <CloseOnNavigation close={() => setOpen(false)} />
          <nav aria-label={t('nav.more')}>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/conflicts">{t('nav.conflicts')}</NavLink>
            {(role === 'nurse' || role === 'physician' || role === 'data-manager') && (
              <NavLink to="/queries" data-testid="nav-queries">
                {t('nav.queries')}
                {queriesWaiting > 0 && ` (${queriesWaiting})`}
              </NavLink>
            )}
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
            {role === 'admin' && <NavLink to="/admin">{t('admin.nav')}</NavLink>}
            {(role === 'data-manager' || role === 'physician') && (
              <NavLink to="/review">{t('nav.review')}</NavLink>
            )}
            {(role === 'data-manager' || role === 'physician') && (
              <NavLink to="/exports">{t('review.nav')}</NavLink>
            )}
          </nav>
          <LanguageSwitch />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setOpen(false);
              useSession.getState().switchUser();
            }}
          >
            {t('session.switchUser')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Closes the open menu when the route changes. Rendered only while the menu is open, so that the closed menu (the
 * bar's) does not render again at each navigation.
 */
function CloseOnNavigation({ close }: { close: () => void }) {
  const { pathname } = useLocation();
  const opened = useRef(pathname);
  useEffect(() => {
    if (pathname !== opened.current) close();
  }, [pathname, close]);
  return null;
}
