import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Icon } from '@/ui/Icon';
import { AlarmBanner } from './alarms/AlarmBanner';
import { AppMenu } from './AppMenu';
import { SessionBanners } from './auth/SessionBanners';
import { SessionControls } from './auth/SessionControls';
import { StorageWarning } from './storage/StorageWarning';
import { SetAsideNotice } from './sync/SetAsideNotice';
import { SyncIndicator, SyncNotices } from './sync/SyncIndicator';
import { SyncRunner } from './sync/SyncRunner';
import { UpdateBanner } from './UpdateBanner';

// Screens reached from the menu: the bar names them, so the person always sees where they are.
const MENU_SCREENS: Record<string, string> = {
  '/settings': 'nav.settings',
  '/admin': 'admin.nav',
  '/conflicts': 'nav.conflicts',
  '/exports': 'review.nav',
  '/queries': 'nav.queries',
};

/**
 * The shell: one compact app bar (≤ 64 px, one row on an upright tablet: where you are, the sync state, who,
 * Lock, and a menu for the rest), then only the notices that need the person, then the screen.
 */
export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="appbar" data-testid="app-bar">
        <NavLink to="/" end className="brand" aria-label={`${t('app.name')} — ${t('nav.home')}`}>
          <Icon name="home" />
          <span className="brand-name">{t('app.name')}</span>
        </NavLink>
        <nav aria-label={t('nav.main')} className="appbar-nav">
          <NavLink to="/participants">{t('nav.participants')}</NavLink>
          <MenuScreenName />
        </nav>
        <SyncIndicator />
        <SessionControls />
        <AppMenu />
      </header>
      <AlarmBanner />
      <UpdateBanner />
      <SyncRunner />
      <SetAsideNotice />
      <SyncNotices />
      <StorageWarning />
      <SessionBanners />
      {/* A new screen opens at its top (a participant tapped low in the list opened scrolled down); Back
          returns where the person was. */}
      <ScrollRestoration />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/**
 * The bar's name of a screen reached from the menu. Its own component, the only part of the shell that reads the
 * location: the shell (bar, notices, sync) does not render again at each navigation, only the screen does.
 */
function MenuScreenName() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const where = MENU_SCREENS[pathname];
  if (!where) return null;
  return (
    <span className="appbar-where" aria-current="page">
      {t(where)}
    </span>
  );
}
