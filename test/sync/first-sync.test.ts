import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, recordObservation, saveRevision } from '@/db/commands';
import { deriveRecord } from '@/db/derive-record';
import type { SyncApi } from '@/sync/api';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { vitals } from '../db/fixtures';
import { injectApi, SimServer, SimTablet } from './harness';

// A fresh tablet's first sync derives records from the pulled pages in memory (issue 12, figure 6). These tests
// hold it to the same records a derivation from the stored revisions gives, across pages, and to the fallback
// when somebody saves on the tablet while the first sync runs.

describe("a fresh tablet's first sync", () => {
  let server: SimServer;
  let author: SimTablet;
  const participant = uuidv7();
  const base = { trialNumber: 'MSC-LES-07', initials: 'FS' };

  beforeAll(async () => {
    server = await SimServer.start();
    author = await SimTablet.signIn(server, 'physician');
    const api = injectApi(server, author.user);
    expect(
      (
        await createRecord(author.db, author.ctx, {
          kind: 'participant',
          recordId: participant,
          patientId: participant,
          data: base,
        })
      ).ok,
    ).toBe(true);
    await pushOutbox(author.db, api, author.user.deviceId);
    for (const [i, takenAt] of ['09:00', '09:15', '09:30'].entries()) {
      const saved = await recordObservation(author.db, author.ctx, {
        kind: 'vitalSigns',
        patientId: participant,
        data: vitals(`2026-03-02T${takenAt}:00+01:00`, { hr: 70 + i }),
      });
      expect(saved.ok).toBe(true);
    }
    // The participant's history spans pages: created first, revised after the vital signs.
    expect(
      (
        await saveRevision(author.db, author.ctx, {
          recordId: participant,
          data: { ...base, comment: 'revised later' },
          reason: 'visit note',
        })
      ).ok,
    ).toBe(true);
    await pushOutbox(author.db, api, author.user.deviceId);
  });
  afterAll(async () => {
    await author.close();
    await server.stop();
  });

  it('stores the records its revisions derive to, when a history spans several pages', async () => {
    const fresh = await SimTablet.signIn(server, 'physician');
    try {
      expect(await pullChanges(fresh.db, injectApi(server, fresh.user), 2)).toBe(5);
      const records = await fresh.db.records.toArray();
      expect(records).toHaveLength(4);
      for (const record of records) {
        const history = await fresh.db.revisions.where('recordId').equals(record.id).toArray();
        expect(record).toEqual(deriveRecord(history));
      }
      expect(await fresh.db.records.get(participant)).toMatchObject({
        rev: 2,
        data: { comment: 'revised later' },
        syncState: 'synced',
      });
    } finally {
      await fresh.close();
    }
  });

  it('keeps a revision saved on the tablet during the first sync in the record it derives', async () => {
    const fresh = await SimTablet.signIn(server, 'physician');
    const api = injectApi(server, fresh.user);
    let saved = false;
    // Once the first page (the participant's creation) is stored, the physician revises it on this tablet; the
    // server's own revision arrives in a later page and must not hide the local one. (The next page is asked for
    // while the first is being stored: the revision waits for the participant to be on the tablet.)
    const slowed: SyncApi = {
      push: (body) => api.push(body),
      pull: async (after, limit) => {
        if (after > 0 && !saved) {
          saved = true;
          while (!(await fresh.db.records.get(participant))) await new Promise((r) => setTimeout(r, 1));
          const local = await saveRevision(fresh.db, fresh.ctx, {
            recordId: participant,
            data: { ...base, comment: 'typed during the first sync' },
            reason: 'bedside note',
          });
          expect(local.ok).toBe(true);
        }
        return api.pull(after, limit);
      },
    };
    try {
      await pullChanges(fresh.db, slowed, 1);
      expect(saved).toBe(true);
      const history = await fresh.db.revisions.where('recordId').equals(participant).toArray();
      expect(history.map((r) => r.status).sort()).toEqual(['applied', 'applied', 'pending']);
      expect(await fresh.db.records.get(participant)).toEqual(deriveRecord(history));
      expect(await fresh.db.records.get(participant)).toMatchObject({
        syncState: 'pending',
        data: { comment: 'typed during the first sync' },
      });
    } finally {
      await fresh.close();
    }
  });

  it('asks for the next page while it stores the last one, each from the cursor the page before gave', async () => {
    const fresh = await SimTablet.signIn(server, 'physician');
    const api = injectApi(server, fresh.user);
    const asked: { after: number; storedCursor: number }[] = [];
    const watched: SyncApi = {
      push: (body) => api.push(body),
      pull: async (after, limit) => {
        asked.push({ after, storedCursor: (await fresh.db.meta.get('sync'))?.cursor ?? 0 });
        return api.pull(after, limit);
      },
    };
    try {
      expect(await pullChanges(fresh.db, watched, 2)).toBe(5);
      // Pages of 2 among 5 changes: 3 pages, each asked for before the page before it was stored.
      expect(asked.map((a) => a.after)).toEqual([0, asked[1]!.after, asked[2]!.after]);
      expect(asked[1]!.after).toBeGreaterThan(0);
      expect(asked[2]!.after).toBeGreaterThan(asked[1]!.after);
      expect(asked.slice(1).map((a) => a.storedCursor)).toEqual([0, asked[1]!.after]);
      expect((await fresh.db.meta.get('sync'))?.cursor).toBeGreaterThanOrEqual(asked[2]!.after);
    } finally {
      await fresh.close();
    }
  });

  it('a page that fails to store fails the pull and keeps the cursor of the last stored page', async () => {
    const fresh = await SimTablet.signIn(server, 'physician');
    const api = injectApi(server, fresh.user);
    let pages = 0;
    const broken: SyncApi = {
      push: (body) => api.push(body),
      pull: async (after, limit) => {
        const page = await api.pull(after, limit);
        pages += 1;
        // The second page carries a change no record table can hold (its kind's data is not an object).
        if (pages === 2)
          return { ...page, changes: page.changes.map((c) => ({ ...c, data: undefined as never })) };
        if (pages === 3) throw new Error('network gone'); // the page asked for meanwhile fails too: not unhandled
        return page;
      },
    };
    try {
      await expect(pullChanges(fresh.db, broken, 2)).rejects.toThrow();
      const firstCursor = (await fresh.db.meta.get('sync'))?.cursor ?? 0;
      expect(firstCursor).toBeGreaterThan(0);
      expect(await fresh.db.revisions.count()).toBe(2);
      // Resumed, it pulls the rest from there, nothing skipped or doubled.
      expect(await pullChanges(fresh.db, api, 2)).toBe(3);
      expect(await fresh.db.revisions.count()).toBe(5);
    } finally {
      await fresh.close();
    }
  });
});
