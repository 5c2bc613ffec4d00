import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { SessionControls } from './auth/SessionControls';
import { LanguageSwitch } from './LanguageSwitch';
import { UpdateBanner } from './UpdateBanner';
import { useOnline } from './useOnline';

export function Layout() {
  const { t } = useTranslation();
  const online = useOnline();
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
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
        </nav>
        <span className={online ? 'pill pill-ok' : 'pill pill-warn'} data-testid="connectivity">
          {online ? t('home.online') : t('home.offline')}
        </span>
        <LanguageSwitch />
        <SessionControls />
      </header>
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
