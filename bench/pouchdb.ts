import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-node';
import type { Mutation } from '../src/schema/sync';
import { ROOT, rssMb } from './servers';

// Figure 7: the same vital-sign sets as documents, replicated with PouchDB to an express-pouchdb server that
// stores them on disk (LevelDB, bench/pouch-server.mjs, as Chevet's store does) and back to a fresh database, in
// the same batch size as Chevet's push. The tablet-side databases are in memory: Chevet's figure-5 client keeps
// nothing either, so neither side pays for a disk the other does not.

PouchDB.plugin(memory);
const InMemory = PouchDB.defaults({ adapter: 'memory' });

export async function pouchReplication(mutations: readonly Mutation[], batchSize: number) {
  const child = spawn(process.execPath, ['bench/pouch-server.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`express-pouchdb exited (${code})`)));
    });
    const remote = `http://127.0.0.1:${port}/trial`;
    const source = new InMemory(`source-${Date.now()}`);
    for (let i = 0; i < mutations.length; i += 5000) {
      await source.bulkDocs(
        mutations
          .slice(i, i + 5000)
          .map((m) => ({ _id: m.recordId, patientId: m.patientId, kind: m.kind, ...m.data })),
      );
    }
    let started = performance.now();
    await source.replicate.to(remote, { batch_size: batchSize });
    const pushMs = performance.now() - started;
    const serverRssMb = rssMb(child.pid!);
    const fresh = new InMemory(`fresh-${Date.now()}`);
    started = performance.now();
    await fresh.replicate.from(remote, { batch_size: batchSize });
    const pullMs = performance.now() - started;
    const pulled = (await fresh.info()).doc_count;
    if (pulled !== mutations.length) throw new Error(`PouchDB pulled ${pulled} of ${mutations.length}`);
    await source.destroy();
    await fresh.destroy();
    return { pushMs, pullMs, serverRssMb };
  } finally {
    child.kill('SIGTERM');
  }
}
