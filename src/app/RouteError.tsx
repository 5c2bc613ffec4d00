import { useTranslation } from 'react-i18next';

/** Shown when a screen throws: the person keeps their place and their saved data. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <section role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.detail')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.retry')}
      </button>
    </section>
  );
}
