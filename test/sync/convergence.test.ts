import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, recordObservation, saveRevision, voidRecord } from '@/db/commands';
import { deriveRecord } from '@/db/derive-record';
import type { StoredRevision } from '@/db/types';
import { SyncFailure, type SyncApi } from '@/sync/api';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import type { Change } from '@/schema/sync';
import { injectApi, SimServer, SimTablet } from './harness';
import { vitals } from '../db/fixtures';

// The convergence property (issue 4): tablets writing offline, syncing in random orders through a network that
// loses requests and answers, delivers twice, cuts batches, fails a batch with a 500, and a server that restarts. After everyone syncs,
// all hold the same records as the server, every value ever saved is there once, nothing is duplicated.
export const CONVERGENCE_RUNS = Number(process.env.CONVERGENCE_RUNS ?? 200);

type Fault = 'none' | 'requestLost' | 'responseLost' | 'duplicate' | 'cut' | 'pullLost' | 'storeError';
type Action =
  | { type: 'vitals'; tablet: number }
  | { type: 'revise'; tablet: number; text: string }
  | { type: 'void'; tablet: number; pick: number }
  | { type: 'sync'; tablet: number; fault: Fault }
  | { type: 'restart' };

const TABLETS = 3; // two physicians and a nurse
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('vitals' as const), tablet: fc.nat(TABLETS - 1) }), weight: 4 },
  {
    arbitrary: fc.record({
      type: fc.constant('revise' as const),
      tablet: fc.nat(1),
      text: fc.string({ maxLength: 12 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ type: fc.constant('void' as const), tablet: fc.nat(TABLETS - 1), pick: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('sync' as const),
      tablet: fc.nat(TABLETS - 1),
      fault: fc.constantFrom<Fault>(
        'none',
        'none',
        'requestLost',
        'responseLost',
        'duplicate',
        'cut',
        'pullLost',
        'storeError',
      ),
    }),
    weight: 5,
  },
  { arbitrary: fc.constant({ type: 'restart' as const }), weight: 1 },
);

/** A network that misbehaves once, in the way asked, then works. */
function faulty(api: SyncApi, fault: Fault): SyncApi {
  let spent = false;
  const once = () => !spent && (spent = true);
  return {
    async push(body) {
      if (fault === 'requestLost' && once()) throw new SyncFailure('offline', 'request lost');
      if (fault === 'responseLost' && once()) {
        await api.push(body);
        throw new SyncFailure('offline', 'response lost');
      }
      if (fault === 'duplicate' && once()) {
        await api.push(body);
        return api.push(body);
      }
      // The store fails on a batch once (a 500): the tablet splits it, and sets nothing aside for a hiccup.
      if (fault === 'storeError' && once()) throw new SyncFailure('server', 'internal error', undefined, 500);
      if (fault === 'cut' && once() && body.mutations.length > 1) {
        await api.push({ ...body, mutations: body.mutations.slice(0, Math.ceil(body.mutations.length / 2)) });
        throw new SyncFailure('offline', 'connection cut mid-batch');
      }
      return api.push(body);
    },
    async pull(after, limit) {
      if (fault === 'pullLost' && once()) {
        await api.pull(after, limit);
        throw new SyncFailure('offline', 'pull answer lost');
      }
      return api.pull(after, limit);
    },
  };
}

describe('convergence of tablets and the central store under faults', () => {
  let server: SimServer;
  let cursor = 0;

  beforeAll(async () => {
    server = await SimServer.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`holds for ${CONVERGENCE_RUNS} random histories`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 24 }), async (actions) => {
        const tablets = [
          await SimTablet.signIn(server, 'physician'),
          await SimTablet.signIn(server, 'physician'),
          await SimTablet.signIn(server, 'nurse'),
        ];
        // Fresh tablets start at the current end of the log: earlier runs' records are not this run's business.
        for (const t of tablets) await t.db.meta.put({ key: 'sync', cursor });
        // Each history creates participant MSC-LES-10 afresh; earlier runs' ones must not hold the number.
        await server.testStore.store.query('delete from participant_registry');
        const syncClean = async (t: SimTablet) => {
          const api = injectApi(server, t.user);
          await pushOutbox(t.db, api, t.user.deviceId, 4);
          await pullChanges(t.db, api, 7);
        };
        try {
          const saved = new Set<string>();
          const patientId = uuidv7();
          const base = { trialNumber: 'MSC-LES-10', initials: 'ZZ' };
          const created = await createRecord(tablets[0]!.db, tablets[0]!.ctx, {
            kind: 'participant',
            recordId: patientId,
            patientId,
            data: base,
          });
          if (!created.ok) throw new Error('participant not created');
          saved.add(created.mutationId);
          for (const t of tablets) await syncClean(t);

          for (const step of actions) {
            if (step.type === 'restart') {
              await server.restart();
              continue;
            }
            const t = tablets[step.tablet]!;
            if (step.type === 'vitals') {
              const r = await recordObservation(t.db, t.ctx, {
                kind: 'vitalSigns',
                patientId,
                data: vitals(t.ctx.now().toISOString()),
              });
              if (r.ok) saved.add(r.mutationId);
            } else if (step.type === 'revise') {
              const r = await saveRevision(t.db, t.ctx, {
                recordId: patientId,
                data: { ...base, comment: step.text },
                reason: 'random edit',
              });
              if (r.ok) saved.add(r.mutationId);
            } else if (step.type === 'void') {
              const live = await t.db.records
                .where({ patientId, kind: 'vitalSigns' })
                // The store lets only the author, or a physician, void a record (issue 17); the screens offer no more.
                .filter((r) => !r.voided && (r.createdBy === t.user.userId || t.user.role === 'physician'))
                .toArray();
              const target = live[step.pick % Math.max(live.length, 1)];
              if (target) {
                const r = await voidRecord(t.db, t.ctx, { recordId: target.id, reason: 'random void' });
                if (r.ok) saved.add(r.mutationId);
              }
            } else {
              const api = faulty(injectApi(server, t.user), step.fault);
              try {
                await pushOutbox(t.db, api, t.user.deviceId, 3);
                await pullChanges(t.db, api, 5);
              } catch (error) {
                if (!(error instanceof SyncFailure)) throw error;
              }
            }
          }

          // Everyone syncs, twice round, over a working network.
          for (let round = 0; round < 2; round++) for (const t of tablets) await syncClean(t);

          const all: Change[] = [];
          for (let after = cursor, more = true; more;) {
            const page = await injectApi(server, tablets[0]!.user).pull(after, 5000);
            all.push(...page.changes);
            after = page.cursor;
            more = page.hasMore;
            cursor = page.cursor;
          }
          const stored = all.filter((c) => c.patientId === patientId);
          const storedIds = stored.map((c) => c.mutationId);
          // No duplicates, and every value ever saved on any tablet reached the store.
          expect(new Set(storedIds).size).toBe(storedIds.length);
          expect([...saved].filter((id) => !storedIds.includes(id))).toEqual([]);
          expect(storedIds.length).toBe(saved.size);

          const serverView = new Map<string, unknown>();
          const byRecord = new Map<string, StoredRevision[]>();
          for (const change of stored) {
            const revision = {
              ...change,
              status: change.conflict ? 'conflict' : 'applied',
            } as unknown as StoredRevision;
            byRecord.set(change.recordId, [...(byRecord.get(change.recordId) ?? []), revision]);
          }
          for (const [recordId, revisions] of byRecord) {
            const record = deriveRecord(revisions)!;
            serverView.set(recordId, {
              data: record.data,
              rev: record.rev,
              voided: record.voided,
              inConflict: record.inConflict,
            });
          }
          for (const t of tablets) {
            expect(await t.db.outbox.count()).toBe(0);
            const revisions = await t.db.revisions.filter((r) => r.patientId === patientId).toArray();
            expect(revisions.map((r) => r.mutationId).sort()).toEqual([...storedIds].sort());
            expect(revisions.every((r) => r.status !== 'pending' && r.status !== 'rejected')).toBe(true);
            const records = await t.db.records.where('patientId').equals(patientId).toArray();
            const view = new Map(
              records.map((r) => [
                r.id,
                { data: r.data, rev: r.rev, voided: r.voided, inConflict: r.inConflict },
              ]),
            );
            expect(view).toEqual(serverView);
          }
        } finally {
          await Promise.all(tablets.map((t) => t.close()));
        }
      }),
      { numRuns: CONVERGENCE_RUNS },
    );
  }, 600_000);
});
