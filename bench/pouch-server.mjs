// Figure 7's opponent: a CouchDB-protocol server (express-pouchdb) keeping its databases in memory, in a process
// of its own as Chevet's server is. Prints its port on stdout when listening.
import expressPouchdb from 'express-pouchdb';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-node';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

PouchDB.plugin(memory);
const InMemory = PouchDB.defaults({ adapter: 'memory' });
const logs = mkdtempSync(join(tmpdir(), 'chevet-bench-pouch-'));
const app = expressPouchdb(InMemory, {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: join(logs, 'log.txt'),
});
const server = app.listen(0, '127.0.0.1', () => console.log(server.address().port));
