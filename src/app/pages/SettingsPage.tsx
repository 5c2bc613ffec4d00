import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '@/i18n';
import { AlarmSettings } from '../alarms/AlarmSettings';
import { SessionSettings } from '../auth/SessionSettings';
import { StoragePanel } from '../storage/StoragePanel';

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <fieldset className="choice">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language}>
            <input
              type="radio"
              name="language"
              value={language}
              checked={i18n.language === language}
              onChange={() => void changeLanguage(language)}
            />
            {t(`language.${language}`)}
          </label>
        ))}
      </fieldset>
      <SessionSettings />
      <AlarmSettings />
      <StoragePanel />
      <p>{t('settings.version', { version: __APP_VERSION__ })}</p>
    </section>
  );
}
