import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBusy, useActivity } from '@/session/activity-store';
import { useUpdate } from './pwa';

export function UpdateBanner() {
  const { t } = useTranslation();
  const { waiting, reloadPending, apply } = useUpdate();
  const busy = useActivity(isBusy);
  const [dismissed, setDismissed] = useState(false);

  if (reloadPending && !busy) {
    return (
      <div role="status" className="banner banner-info">
        <span>{t('update.reloadToFinish')}</span>
        <button type="button" onClick={() => window.location.reload()}>
          {t('update.reload')}
        </button>
      </div>
    );
  }
  if (!waiting || dismissed) return null;
  return (
    <div role="status" className="banner banner-info" data-testid="update-banner">
      <span>{busy ? t('update.blockedDuringBedside') : t('update.available')}</span>
      <button type="button" onClick={apply} disabled={busy}>
        {t('update.apply')}
      </button>
      <button type="button" className="secondary" onClick={() => setDismissed(true)}>
        {t('update.later')}
      </button>
    </div>
  );
}
