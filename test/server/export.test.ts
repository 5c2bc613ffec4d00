import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { runExportCommand } from '../../server/cli/export';
import { DICTIONARY_FILE } from '../../server/export/csv';
import { exportKinds } from '../../server/export/fields';
import { runExport } from '../../server/export/run-export';
import { contentHash } from '../../src/session/canonical-json';
import { RECORD_KIND_NAMES } from '../../src/schema/records';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { newMutation, vitalsData, pushAs } from './sync-fixtures';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// The standards folder beside the repository (`../shared`, as for the CTCAE file), or where SHARED_DIR says.
const SHARED_DIR = process.env.SHARED_DIR ?? join(import.meta.dirname, '../../../shared');
const ODM_SCHEMA_DIR = join(SHARED_DIR, 'standards/odm-1.3.2');
const ODM_SCHEMA = join(ODM_SCHEMA_DIR, 'ODM1-3-2.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** A CSV file's rows (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

/** The files of a ZIP archive (deflate or stored), read from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = archive.readUInt32LE(end + 16);
  for (let n = archive.readUInt16LE(end + 10); n > 0; n--) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extra;
  }
  return files;
}

const vitals = vitalsData;

describe(`exports (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let otherPhysician: SignedInUser;
  let nurse: SignedInUser;
  let dataManager: SignedInUser;
  let seeded: { mutations: Record<string, unknown>[]; patientId: string; signatureId: string };

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const mutation = newMutation;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    otherPhysician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');

    // A seeded trial: a participant created, revised, then revised twice from the same revision (a conflict);
    // two vital-sign sets, one voided with a reason; a signature of the participant's second revision; a comment
    // that a spreadsheet would read as a formula, and one with a comma, a quote and a line break.
    const patientId = uuidv7();
    const base = { trialNumber: 'MSC-LES-07', initials: 'AB' };
    const created = mutation({ recordId: patientId, patientId, kind: 'participant', data: base });
    const revised = mutation({
      recordId: patientId,
      patientId,
      kind: 'participant',
      op: 'revise',
      baseRev: 1,
      reason: 'sexe saisi',
      at: '2026-03-02T10:00:00+01:00',
      data: { ...base, sex: 'F', comment: '=HYPERLINK("http://x")' },
    });
    const mine = mutation({
      recordId: patientId,
      patientId,
      kind: 'participant',
      op: 'revise',
      baseRev: 2,
      reason: 'note',
      data: { ...base, sex: 'F', comment: 'A, "dit-elle"\nsur deux lignes' },
    });
    const theirs = mutation({
      recordId: patientId,
      patientId,
      kind: 'participant',
      op: 'revise',
      baseRev: 2,
      reason: 'note',
      data: { ...base, sex: 'F', doseLevel: 2 },
    });
    const set1 = mutation({ kind: 'vitalSigns', patientId, data: vitals() });
    const set2 = mutation({ kind: 'vitalSigns', patientId, data: vitals({ sbp: 170, dbp: 115 }) });
    const voided = mutation({
      recordId: set1.recordId,
      kind: 'vitalSigns',
      patientId,
      op: 'void',
      baseRev: 1,
      reason: 'mauvais patient',
      data: vitals(),
    });
    const fever = mutation({
      kind: 'adverseEvent',
      patientId,
      data: {
        term: { kind: 'ctcae', version: '5.0', meddraCode: 10016558 },
        grade: 2,
        onsetAt: '2026-03-02T11:00:00+01:00',
        serious: false,
        actions: ['none'],
      },
    });
    const signatureId = uuidv7();
    const signature = mutation({
      recordId: signatureId,
      kind: 'signature',
      patientId,
      data: {
        signer: physician.userId,
        signerName: physician.username,
        role: 'physician',
        meaning: 'participant-dossier',
        signedAt: '2026-03-02T10:05:00+01:00',
        recordId: patientId,
        recordRev: 2,
        contentHash: await contentHash(revised.data),
        method: 'pin',
      },
    });
    expect(await push(physician, [created, revised])).toMatchObject([
      { status: 'applied' },
      { status: 'applied' },
    ]);
    expect(await push(nurse, [set1, set2, voided, fever])).toMatchObject(
      Array(4).fill({ status: 'applied' }),
    );
    expect(await push(physician, [signature, mine])).toMatchObject([
      { status: 'applied' },
      { status: 'applied' },
    ]);
    expect(await push(otherPhysician, [theirs])).toMatchObject([{ status: 'conflict' }]);
    // Issue 24: a data query on the second set's SBP, answered by the nurse (each message its own record).
    const query = mutation({
      kind: 'dataQuery',
      patientId,
      data: {
        action: 'raise',
        target: { recordId: set2.recordId, kind: 'vitalSigns', rev: 1, field: 'sbp' },
        text: 'PAS 170 ?',
      },
    });
    const answer = mutation({
      kind: 'dataQuery',
      patientId,
      data: { action: 'answer', queryId: query.recordId, text: 'Vérifiée sur la feuille' },
    });
    expect(await push(dataManager, [query])).toMatchObject([{ status: 'applied' }]);
    expect(await push(nurse, [answer])).toMatchObject([{ status: 'applied' }]);
    seeded = {
      mutations: [created, revised, set1, set2, voided, fever, signature, mine, theirs, query, answer],
      patientId,
      signatureId,
    };
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  describe('CSV', () => {
    let files: Map<string, string>;
    beforeAll(async () => {
      const result = await runExport(testStore.store, 'csv', {
        actorUserId: dataManager.userId,
        address: 'test',
      });
      files = new Map(result.files.map((f) => [f.name, f.content.toString('utf8')]));
    });

    it('writes one UTF-8 file with a byte-order mark per record kind, and the dictionary', () => {
      expect([...files.keys()].sort()).toEqual(
        [...RECORD_KIND_NAMES.map((k) => `${k}.csv`), DICTIONARY_FILE].sort(),
      );
      for (const content of files.values()) expect(content.startsWith('\uFEFF')).toBe(true);
    });

    it('has one row per revision, with who, when, which tablet, why, and the values as stored', () => {
      const rows = parseCsv(files.get('participant.csv')!.slice(1));
      const [header, ...data] = rows;
      const col = (row: string[], name: string) => row[header!.indexOf(name)];
      expect(data.map((row) => [col(row, 'op'), col(row, 'rev'), col(row, 'conflict')])).toEqual([
        ['create', '1', 'false'],
        ['revise', '2', 'false'],
        ['revise', '3', 'false'],
        ['revise', '4', 'true'],
      ]);
      const second = data[1]!;
      expect(col(second, 'subject')).toBe('MSC-LES-07');
      expect(col(second, 'reason')).toBe('sexe saisi');
      expect(col(second, 'at')).toBe('2026-03-02T10:00:00+01:00');
      expect(col(second, 'user_id')).toBe(physician.userId);
      expect(col(second, 'user_role')).toBe('physician');
      expect(col(second, 'device_id')).toBe(physician.deviceId);
      expect(col(second, 'device_name')).toBe(`tablet of ${physician.username}`);
      expect(col(second, 'sex')).toBe('F');
      // A formula is neutralised, a comma, a quote and a line break survive the round trip.
      expect(col(second, 'comment')).toBe(`'=HYPERLINK("http://x")`);
      expect(col(data[2]!, 'comment')).toBe('A, "dit-elle"\nsur deux lignes');
      expect(col(data[3]!, 'doseLevel')).toBe('2');
    });

    it('gives codes with their labels, and keeps a void with its reason', () => {
      const [header, ...data] = parseCsv(files.get('vitalSigns.csv')!.slice(1));
      expect(data.map((row) => row[header!.indexOf('op')])).toEqual(['create', 'create', 'void']);
      expect(data[2]![header!.indexOf('reason')]).toBe('mauvais patient');
      const [sigHeader, sig] = parseCsv(files.get('signature.csv')!.slice(1));
      expect(sig![sigHeader!.indexOf('meaning')]).toBe('participant-dossier');
      expect(sig![sigHeader!.indexOf('meaning_label')]).toBe(
        'Je confirme les données de ce dossier participant',
      );
    });

    it('has every revision of the store, and a dictionary line for every column of every file', () => {
      const total = [...files]
        .filter(([name]) => name !== DICTIONARY_FILE)
        .reduce((n, [, content]) => n + parseCsv(content.slice(1)).length - 1, 0);
      expect(total).toBe(seeded.mutations.length);
      const dictionary = parseCsv(files.get(DICTIONARY_FILE)!.slice(1)).slice(1);
      const described = new Set(dictionary.map(([file, column]) => `${file}:${column}`));
      for (const [name, content] of files) {
        if (name === DICTIONARY_FILE) continue;
        for (const column of parseCsv(content.slice(1))[0]!) expect(described).toContain(`${name}:${column}`);
      }
      expect(dictionary.find(([file, column]) => file === 'participant.csv' && column === 'sex')![4]).toMatch(
        /F=/,
      );
      // The data queries' thread, like any kind: the raise's target and the answer's query in their columns.
      const queries = parseCsv(files.get('dataQuery.csv')!.slice(1));
      expect(queries).toHaveLength(3);
      expect(queries[0]).toEqual(expect.arrayContaining(['target.field', 'queryId', 'action']));
      expect(queries[1]).toEqual(expect.arrayContaining(['raise', 'sbp', 'PAS 170 ?']));
    });
  });

  describe('ODM 1.3.2', () => {
    let xml: string;
    beforeAll(async () => {
      const result = await runExport(testStore.store, 'odm', {
        actorUserId: dataManager.userId,
        address: 'test',
      });
      xml = result.files[0]!.content.toString('utf8');
    });

    it.skipIf(!existsSync(ODM_SCHEMA) || !hasXmllint)(
      `is valid against the ODM 1.3.2 schema (xmllint --schema ${ODM_SCHEMA}; skipped where the folder or xmllint is absent)`,
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'chevet-odm-'));
        try {
          const file = join(dir, 'export.xml');
          writeFileSync(file, xml);
          const run = spawnSync('xmllint', ['--noout', '--schema', ODM_SCHEMA, file], { encoding: 'utf8' });
          expect(run.stderr).toContain('validates');
          expect(run.status).toBe(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );

    it('is a transactional file with a form per record kind, and every revision with its audit record', () => {
      expect(xml).toContain('FileType="Transactional"');
      expect(xml).toContain('ODMVersion="1.3.2"');
      for (const { kind } of exportKinds()) expect(xml).toContain(`<FormDef OID="F.${kind}"`);
      expect(xml.match(/<FormData /g)).toHaveLength(seeded.mutations.length);
      expect(xml.match(/<AuditRecord /g)).toHaveLength(seeded.mutations.length);
      expect(xml).toContain('<SubjectData SubjectKey="MSC-LES-07"');
      expect(xml).toContain('<ReasonForChange>mauvais patient</ReasonForChange>');
      expect(xml).toContain(`<SourceID>device:${nurse.deviceId} (tablet of ${nurse.username})</SourceID>`);
      expect(xml).toMatch(/<FormData FormOID="F.vitalSigns" FormRepeatKey="[^"]+" TransactionType="Remove">/);
      expect(xml).toContain('<ItemData ItemOID="IT.vitalSigns.sbp" TransactionType="Insert" Value="170"/>');
      expect(xml).toContain('CONFLICT');
    });

    it('carries the signature on the signature record and on the revision it signs, with its meaning', () => {
      expect(xml).toContain('<SignatureDef OID="SD.participant-dossier" Methodology="Electronic">');
      const signatures = xml.match(/<Signature>.*?<\/Signature>/g) ?? [];
      expect(signatures).toHaveLength(2);
      for (const signature of signatures) {
        expect(signature).toContain(`<UserRef UserOID="USR.${physician.userId}"/>`);
        expect(signature).toContain('<SignatureRef SignatureOID="SD.participant-dossier"/>');
      }
      expect(xml).toContain(`<User OID="USR.${physician.userId}"`);
    });
  });

  describe('download routes', () => {
    const download = (user: SignedInUser, format: string) =>
      app.inject({ method: 'GET', url: `/api/export/${format}`, headers: user.headers });

    it('give the ODM file and the CSV archive to a data manager and a physician, never to a nurse', async () => {
      const odm = await download(dataManager, 'odm');
      expect(odm.statusCode).toBe(200);
      expect(odm.headers['content-type']).toMatch(/application\/xml/);
      expect(odm.headers['content-disposition']).toMatch(
        /attachment; filename="chevet-odm-\d{8}T\d{6}Z\.xml"/,
      );
      const csv = await download(physician, 'csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('application/zip');
      const archive = unzip(csv.rawPayload);
      expect(archive.get(DICTIONARY_FILE)?.toString('utf8').startsWith('\uFEFF')).toBe(true);
      expect([...archive.keys()]).toContain('participant.csv');
      expect((await download(nurse, 'odm')).statusCode).toBe(403);
      expect((await download(nurse, 'csv')).statusCode).toBe(403);
    });

    it('audits every export: who, what, when', async () => {
      await download(dataManager, 'odm');
      const { rows } = await testStore.store.query<{
        actor_user_id: string;
        detail: Record<string, unknown>;
      }>(`select actor_user_id, detail from server_audit where action = 'export' order by id desc limit 1`);
      expect(rows[0]).toMatchObject({
        actor_user_id: dataManager.userId,
        detail: { format: 'odm', revisions: seeded.mutations.length, records: 7 },
      });
    });
  });

  describe('from the shell', () => {
    const ROOT = join(import.meta.dirname, '../..');
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
    };

    it('writes the files into --out from this store, audited as done from the command line', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chevet-export-'));
      try {
        const run = io();
        expect(await runExportCommand(testStore.store, ['--format', 'csv', '--out', dir], run.io)).toBe(0);
        expect(readdirSync(dir).sort()).toEqual(
          [...RECORD_KIND_NAMES.map((k) => `${k}.csv`), DICTIONARY_FILE].sort(),
        );
        expect(readFileSync(join(dir, 'participant.csv'), 'utf8')).toContain('MSC-LES-07');
        const { rows } = await testStore.store.query<{ address: string; detail: { format: string } }>(
          `select address, detail from server_audit where action = 'export' order by id desc limit 1`,
        );
        expect(rows[0]).toMatchObject({ address: expect.stringMatching(/^cli:/), detail: { format: 'csv' } });
        const bad = io();
        expect(await runExportCommand(testStore.store, ['--format', 'xls', '--out', dir], bad.io)).toBe(64);
        expect(bad.err.join('\n')).toContain('--format must be odm or csv');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('runs the real npm run export entry point on an embedded store folder', () => {
      const dir = mkdtempSync(join(tmpdir(), 'chevet-export-'));
      try {
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data') };
        delete env.DATABASE_URL;
        delete env.TEST_DATABASE_URL;
        const out = join(dir, 'out');
        execFileSync(
          join(ROOT, 'node_modules/.bin/tsx'),
          ['server/cli/export.ts', '--format', 'odm', '--out', out],
          {
            cwd: ROOT,
            env,
          },
        );
        const [file] = readdirSync(out);
        expect(file).toMatch(/^chevet-odm-\d{8}T\d{6}Z\.xml$/);
        expect(readFileSync(join(out, file!), 'utf8')).toContain('FileType="Transactional"');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
