// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/database';
import { adverseEventTermFor } from '@/domain/safety/ctcae';
import { AdverseEventForm } from '@/features/adverse-events/AdverseEventForm';
import { initI18n } from '@/i18n';
import { useSession } from '@/session/session-store';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';

// The adverse-event report's dates use the shared day/month/year + 24-hour entry (src/ui/DateTimeInput), not the
// browser's datetime-local: stored with the tablet's offset, a time in the future refused.

let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
  server.addUser('ide', 'nurse', 'correct horse battery', 'Inès IDE');
  await act(async () => {
    await useSession
      .getState()
      .signIn({ username: 'ide', password: 'correct horse battery', deviceName: 'T' });
    await useSession.getState().choosePin('482913', '482913');
  });
});
afterEach(() => {
  cleanup();
  env.restore();
});

describe('the adverse event’s dates', () => {
  it('are typed day/month/year and 24-hour time, stored with the offset; a future onset is refused', async () => {
    const patientId = crypto.randomUUID();
    render(
      <MemoryRouter>
        <AdverseEventForm
          patientId={patientId}
          initial={{ term: adverseEventTermFor('headache'), grade: 1 }}
        />
      </MemoryRouter>,
    );
    expect(document.querySelector('input[type="datetime-local"]')).toBeNull();
    const date = document.getElementById('ae-onset-date') as HTMLInputElement;
    const time = document.getElementById('ae-onset-time') as HTMLInputElement;
    // (happy-dom does not submit a form from its button's click: the form is submitted.)
    fireEvent.change(date, { target: { value: '01/01/2099' } });
    fireEvent.change(time, { target: { value: '09:00' } });
    fireEvent.submit(screen.getByTestId('ae-save').closest('form')!);
    await waitFor(() => expect(screen.getByTestId('ae-onset-entry').textContent).toMatch(/futur/i));
    expect(await getDb().records.where('kind').equals('adverseEvent').count()).toBe(0);

    fireEvent.change(date, { target: { value: '05/03/2026' } });
    fireEvent.change(time, { target: { value: '14h30' } });
    fireEvent.submit(screen.getByTestId('ae-save').closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('ae-notice').textContent).toContain('Événement enregistré'),
    );
    const [event] = await getDb().records.where('kind').equals('adverseEvent').toArray();
    expect(String(event!.data.onsetAt)).toMatch(/^2026-03-05T14:30:00[+-]\d\d:\d\d$/);
    expect(event!.data.endedAt).toBeUndefined();
  });
});
