// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import { assessmentRecordId, type Assessment } from '@/schema/assessments';
import { BILAG_SYSTEMS, SDI_ITEMS, SLEDAI_IDS } from '@/schema/instruments';
import { initI18n } from '@/i18n';
import { currentWriteContext } from '@/session/session-store';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';
import { participant, renderAt, signedIn } from './setup';

// Issue 23: the endpoints screen computes from the visits saved so far and says why — SRI by both labelled
// definitions with each criterion, MCR with its reason — and flags an SDI that went down.

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
  await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
});
afterEach(() => {
  cleanup();
  env.restore();
});

async function save(patientId: string, data: Assessment) {
  const written = await createRecord(getDb(), currentWriteContext()!, {
    kind: 'assessment',
    recordId: assessmentRecordId(patientId, data.visit, data.form),
    patientId,
    data,
  });
  expect(written.ok).toBe(true);
}

describe('the endpoints screen', () => {
  it('SRI (both definitions) with each criterion, MCR with why, and an SDI decrease flagged', async () => {
    const id = await participant();
    for (const [visit, present, grades, pga, cataract] of [
      [
        'M0',
        ['arthritis', 'rash', 'lowComplement', 'increasedDnaBinding'],
        { musculoskeletal: 'B', mucocutaneous: 'B' },
        1.5,
        1,
      ],
      ['M3', ['lowComplement'], { musculoskeletal: 'C', mucocutaneous: 'B' }, 1.9, 0],
    ] as const) {
      const common = { visit, assessedOn: '2026-03-02' } as const;
      await save(id, {
        ...common,
        form: 'sledai',
        answers: Object.fromEntries(SLEDAI_IDS.map((d) => [d, (present as readonly string[]).includes(d)])),
      });
      await save(id, {
        ...common,
        form: 'bilag',
        grades: Object.fromEntries(
          BILAG_SYSTEMS.map((s) => [s, (grades as Record<string, string>)[s] ?? 'E']),
        ) as never,
      });
      await save(id, { ...common, form: 'pga', value: pga });
      await save(id, {
        ...common,
        form: 'sdi',
        items: { ...Object.fromEntries(SDI_ITEMS.map((i) => [i.id, 0])), cataract } as never,
      });
    }
    await renderAt(`/participants/${id}/endpoints`);
    const m3 = await screen.findByTestId('response-M3');
    await waitFor(() => expect(within(m3).getAllByTestId('sri-result')).toHaveLength(2));
    const [protocol, furie] = within(m3).getAllByTestId('sri-result');
    // SLEDAI 10 → 2, no new A or B, but the PGA rose by 0.4: not a responder by either definition, and why.
    expect(protocol!.dataset.status).toBe('non-responder');
    expect(furie!.dataset.status).toBe('non-responder');
    expect(protocol!.textContent).toContain('SRI (protocole MSC-LES : aucun nouveau BILAG A ni B)');
    // The column's header names the definition; the cell says it to a screen reader only, not drawn twice.
    expect(within(protocol!).getByText(/^SRI \(protocole MSC-LES/).className).toBe('visually-hidden');
    expect(furie!.textContent).toContain('SRI-4 (Furie 2009');
    const failed = protocol!.querySelector('[data-held="false"]');
    expect(failed?.textContent).toBe('PGA non aggravée de 0,3 ou plus');
    expect(protocol!.querySelector('[data-held="true"]')?.textContent).toBe('SLEDAI réduit d’au moins 4');
    // Mucocutaneous still B after B at M0: not MCR, and not PCR (an M0 B must reach C or better).
    const clinical = within(m3).getByTestId('clinical-result');
    expect(clinical.dataset.status).toBe('none');
    expect(clinical.textContent).toContain('systèmes encore A ou B : Cutanéo-muqueux');
    expect(clinical.textContent).toContain('B de M0 non amélioré à C : Cutanéo-muqueux');
    expect(screen.getByTestId('sdi-decrease').textContent).toContain('M3');
    // Steroid sparing needs the M12 record: incomplete, saying so.
    expect(screen.getByTestId('steroid-sparing').dataset.status).toBe('incomplete');
  });
});
