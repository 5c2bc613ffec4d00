// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClockSkewWarning, formatOffset } from '@/app/auth/SessionBanners';
import { changeLanguage, initI18n } from '@/i18n';
import { useSession } from '@/session/session-store';

// Issue 17, item 8: a tablet whose clock is off by more than 5 minutes says so on every screen, with the offset,
// in the person's language, and offers no way to hide it (it goes when a measure finds the clock right).

/** The alert's text, Intl's narrow no-break spaces ("7\u202fminutes") as plain ones. */
const text = () => screen.getByRole('alert').textContent!.replace(/\s/g, ' ');
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('the clock warning', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(async () => {
    cleanup();
    useSession.setState({ clockSkewMs: undefined });
    await changeLanguage('fr');
  });

  it('says how far ahead or behind the tablet is, and cannot be dismissed', async () => {
    useSession.setState({ clockSkewMs: -7 * 60_000 });
    render(<ClockSkewWarning />);
    expect(text()).toBe(
      'L’horloge de cette tablette avance de 7 minutes sur celle du serveur central. Corrigez la date et l’heure de la tablette : les heures des soins en dépendent.',
    );
    expect(screen.queryByRole('button')).toBeNull();

    act(() => useSession.setState({ clockSkewMs: (2 * 60 + 5) * 60_000 }));
    expect(text()).toContain('retarde de 2 heures 5 minutes');
    await act(() => changeLanguage('en'));
    expect(text()).toContain('This tablet’s clock is 2 hours 5 minutes behind the central store’s.');

    act(() => useSession.setState({ clockSkewMs: undefined }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('writes offsets in minutes, hours and minutes, or days', () => {
    expect(plain(formatOffset(6 * 60_000, 'fr'))).toBe('6 minutes');
    expect(plain(formatOffset(3 * 3_600_000, 'fr'))).toBe('3 heures');
    expect(plain(formatOffset(3 * 86_400_000 + 60_000, 'en'))).toBe('3 days');
  });
});
