import { useTranslation } from 'react-i18next';
import { setAlarmSound, useAlarmSettings } from '@/alarms/state';
import { playAlarmSound, unlockAlarmSound } from '@/ui/alarm-sound';

/** Per-tablet alarm sound: on/off, volume, and a test beep (which also unlocks the sound). */
export function AlarmSettings() {
  const { t } = useTranslation();
  const { soundOn, volume } = useAlarmSettings();
  return (
    <fieldset className="choice" data-testid="alarm-settings">
      <legend>{t('alarms.settingsTitle')}</legend>
      <label>
        <input
          type="checkbox"
          checked={soundOn}
          onChange={(e) => setAlarmSound({ soundOn: e.target.checked })}
        />
        {t('alarms.soundOn')}
      </label>
      <label>
        {t('alarms.volume')}{' '}
        <input
          type="range"
          min={0}
          max={100}
          step={10}
          value={Math.round(volume * 100)}
          disabled={!soundOn}
          onChange={(e) => setAlarmSound({ volume: Number(e.target.value) / 100 })}
        />
      </label>
      <button
        type="button"
        className="secondary"
        disabled={!soundOn}
        onClick={() => void unlockAlarmSound().then(() => playAlarmSound(volume))}
      >
        {t('alarms.test')}
      </button>
    </fieldset>
  );
}
