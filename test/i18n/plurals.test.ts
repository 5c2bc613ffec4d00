// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n } from '@/i18n';

// Counted messages say one or several in words ("1 autre", "2 autres"), never "autre(s)".

beforeAll(async () => {
  await initI18n('fr');
});

describe('plurals', () => {
  it('in French: 0 and 1 singular, 2 plural', async () => {
    await changeLanguage('fr');
    expect(i18next.t('alarms.more', { count: 1 })).toBe('+ 1 autre');
    expect(i18next.t('alarms.more', { count: 2 })).toBe('+ 2 autres');
    expect(i18next.t('monitoring.unanswered', { count: 0 })).toBe('0 terme sans réponse');
    expect(i18next.t('monitoring.unanswered', { count: 3 })).toBe('3 termes sans réponse');
  });

  it('in English', async () => {
    await changeLanguage('en');
    expect(i18next.t('monitoring.unanswered', { count: 1 })).toBe('1 term not answered');
    expect(i18next.t('monitoring.unanswered', { count: 2 })).toBe('2 terms not answered');
    await changeLanguage('fr');
  });
});
