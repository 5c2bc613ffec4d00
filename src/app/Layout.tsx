import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useRole } from '@/session/session-store';
import { AlarmBanner } from './alarms/AlarmBanner';
import { SessionBanners } from './auth/SessionBanners';
import { SessionControls } from './auth/SessionControls';
import { LanguageSwitch } from './LanguageSwitch';
import { StorageWarning } from './storage/StorageWarning';
import { SetAsideNotice } from './sync/SetAsideNotice';
import { SyncIndicator } from './sync/SyncIndicator';
import { SyncRunner } from './sync/SyncRunner';
import { UpdateBanner } from './UpdateBanner';
import { useOnline } from '@/ui/use-online';

export function Layout() {
  const { t } = useTranslation();
  const online = useOnline();
  const role = useRole();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/participants">{t('nav.participants')}</NavLink>
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
          {role === 'admin' && <NavLink to="/admin">{t('admin.nav')}</NavLink>}
          {(role === 'data-manager' || role === 'physician') && (
            <NavLink to="/exports">{t('review.nav')}</NavLink>
          )}
        </nav>
        <span className={online ? 'pill pill-ok' : 'pill pill-warn'} data-testid="connectivity">
          {online ? t('home.online') : t('home.offline')}
        </span>
        <LanguageSwitch />
        <SessionControls />
      </header>
      <AlarmBanner />
      <UpdateBanner />
      <SyncIndicator />
      <SyncRunner />
      <SetAsideNotice />
      <StorageWarning />
      <SessionBanners />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
