import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage } from '@/i18n';

/** One tap toggles French ↔ English; the choice is remembered on this tablet. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="secondary"
      lang={next}
      aria-label={`${t('language.label')}: ${t(`language.${next}`)}`}
      onClick={() => isLanguage(next) && void changeLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
