// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { namesFrom } from '@/db/directory';
import { authorLine } from '@/session/people-names';
import { changeLanguage, initI18n } from '@/i18n';

// Issue 24 item 1: authors, signers and tablets by name and role from the store's people directory, people who
// never used this tablet included.

const DR = '0190a8e0-0000-7000-8000-000000000001';
const NURSE = '0190a8e0-0000-7000-8000-000000000002';
const TABLET = '0190a8e0-0000-7000-8000-0000000000aa';
const directory = {
  people: [
    { id: DR, username: 'lmartin', displayName: 'Dr Léa Martin', role: 'physician' as const },
    { id: NURSE, username: 'pdurand', displayName: ' ', role: 'nurse' as const },
  ],
  devices: [{ id: TABLET, name: 'Tablette HDJ 2', userId: DR }],
};

beforeAll(async () => {
  await initI18n('fr');
});

describe('names of people and tablets', () => {
  it('takes the store’s directory first, then the people who signed in here; an unknown id stays unknown', () => {
    const here = {
      userId: 'local',
      username: 'moi',
      displayName: 'Moi',
      role: 'nurse' as const,
      deviceId: 'd',
    };
    const renamedHere = { ...here, userId: DR, displayName: 'Old name' };
    const names = namesFrom(directory, [here, renamedHere]);
    expect(names.find(DR)).toEqual({ name: 'Dr Léa Martin', role: 'physician' });
    // No display name: the username.
    expect(names.find(NURSE)).toEqual({ name: 'pdurand', role: 'nurse' });
    expect(names.find('local')).toEqual({ name: 'Moi', role: 'nurse' });
    expect(names.find('nobody')).toBeUndefined();
    expect(names.device(TABLET)).toBe('Tablette HDJ 2');
    expect(names.device('0190a8e0-ffff-7000-8000-000000000000')).toBe('0190a8e0');
    expect(names.withRole('physician').map((p) => p.name)).toEqual(['Dr Léa Martin']);
  });

  it('says who, with which role, on which tablet and when, in the interface’s language', async () => {
    const names = namesFrom(directory);
    const at = '2026-03-02T09:15:00+01:00';
    await changeLanguage('fr');
    expect(authorLine(i18next.t, names, { userId: DR, deviceId: TABLET, at }, 'fr')).toMatch(
      /^par Dr Léa Martin · Médecin sur Tablette HDJ 2, le 02\/03\/2026/,
    );
    expect(
      authorLine(
        i18next.t,
        names,
        { userId: '0190a8e0-dead-7000-8000-000000000000', deviceId: TABLET, at },
        'fr',
      ),
    ).toMatch(/^par une personne inconnue \(0190a8e0\) sur Tablette HDJ 2/);
    await changeLanguage('en');
    expect(authorLine(i18next.t, names, { userId: DR, deviceId: TABLET, at }, 'en')).toMatch(
      /^by Dr Léa Martin · Physician on Tablette HDJ 2, /,
    );
    await changeLanguage('fr');
  });
});
