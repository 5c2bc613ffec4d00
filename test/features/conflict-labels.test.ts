// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel, fieldValue } from '@/session/field-labels';
import { changeLanguage, initI18n } from '@/i18n';

// Issue 19, item 4: the conflict screen shows labels from the catalogues and values as words, formatted in the
// interface's language — never `doseLevel`, `included`, `M` or an ISO date.

beforeAll(async () => {
  await initI18n('fr');
});

const label = (kind: 'participant' | 'vitalSigns', name: string) =>
  fieldLabel(i18next.t, i18next, kind, name);
const value = (kind: 'participant' | 'vitalSigns', name: string, v: unknown) =>
  fieldValue(i18next.t, i18next, kind, name, v);

describe('the conflict screen’s words', () => {
  it('in French', async () => {
    await changeLanguage('fr');
    expect(label('participant', 'comment')).toBe('Commentaire');
    expect(label('participant', 'doseLevel')).toBe('Niveau de dose (×10⁶ cellules/kg)');
    expect(label('participant', 'inclusionDate')).toBe('Date d’inclusion');
    expect(label('participant', 'somethingNew')).toBe('something new');
    expect(value('participant', 'status', 'included')).toBe('Inclus');
    expect(value('participant', 'sex', 'M')).toBe('Homme');
    expect(value('participant', 'inclusionDate', '2026-03-02')).toBe('02/03/2026');
    expect(value('vitalSigns', 'temperatureC', 36.9)).toBe('36,9');
    expect(value('vitalSigns', 'baseline', true)).toBe('Oui');
    expect(value('participant', 'comment', undefined)).toBe('—');
  });

  it('in English', async () => {
    await changeLanguage('en');
    expect(label('participant', 'inclusionDate')).toBe('Inclusion date');
    expect(value('participant', 'status', 'included')).toBe('Included');
    expect(value('participant', 'sex', 'F')).toBe('Female');
    expect(value('vitalSigns', 'temperatureC', 36.9)).toBe('36.9');
    await changeLanguage('fr');
  });
});

describe('the record history’s words for nested fields', () => {
  it('labels an item by its own name and shows a group of fields in words that wrap', async () => {
    await changeLanguage('fr');
    expect(label('participant', 'dossier.comment')).toBe('Commentaire');
    expect(value('participant', 'dossier.sex', 'F')).toBe('Femme');
    expect(value('vitalSigns', 'items', { baseline: true, temperatureC: 36.9 })).toBe(
      'Constantes de référence : Oui ; Température (°C) : 36,9',
    );
    await changeLanguage('en');
    expect(value('vitalSigns', 'items', { baseline: false })).toBe('Baseline vital signs: No');
    await changeLanguage('fr');
  });
});
