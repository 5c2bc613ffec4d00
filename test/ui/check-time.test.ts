import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTimeValues } from '@/ui/format';
import { initI18n } from '@/i18n';

// A check's time in the alarm banner and on the lock screen: alone on its day, with its day on another one (a
// day-2 check two days overdue read "prévu à 08:00", as if due this morning).

const at = (iso: string) => new Date(iso).getTime();

beforeAll(async () => {
  await initI18n('fr');
});

describe('checkTimeValues', () => {
  it('gives the time alone on the same day of the tablet’s clock', () => {
    const values = checkTimeValues(at('2026-12-01T08:00:00'), 'fr', at('2026-12-01T21:30:00'));
    expect(values).toEqual({ time: '08:00' });
    expect(i18next.t('alarms.dueAt', values)).toBe('prévu à 08:00');
  });

  it('adds the day when the check is due another day, in both languages', async () => {
    const values = checkTimeValues(at('2026-11-30T08:00:00'), 'fr', at('2026-12-01T21:30:00'));
    expect(i18next.t('alarms.dueAt', values)).toBe('prévu le 30/11 à 08:00');
    expect(i18next.t('alarms.lockOverdue', { check: 'Contrôle J2', ...values })).toBe(
      'Contrôle J2 : en retard (prévu le 30/11 à 08:00)',
    );
    const tomorrow = checkTimeValues(at('2026-12-02T08:00:00'), 'en', at('2026-12-01T21:30:00'));
    await i18next.changeLanguage('en');
    try {
      expect(i18next.t('lock.nextCheck', tomorrow)).toBe('Next check due on 02/12 at 08:00');
    } finally {
      await i18next.changeLanguage('fr');
    }
  });
});
