import { useTranslation } from 'react-i18next';
import { DueNow } from '@/features/monitoring/DueNow';
import { useUpdate } from '../pwa';

export function HomePage() {
  const { t } = useTranslation();
  const offlineReady = useUpdate((s) => s.offlineReady);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <DueNow />
      <p>{t('home.intro')}</p>
      {offlineReady && (
        <p className="pill pill-ok" data-testid="offline-ready">
          {t('home.offlineReady')}
        </p>
      )}
    </section>
  );
}
