// Figure 7's opponent: a CouchDB-protocol server (express-pouchdb, as PouchDB Server runs it) keeping its
// databases ON DISK in LevelDB (pouchdb-node's own adapter, leveldown), as PouchDB Server and CouchDB do and as
// Chevet's store does; in a process of its own, as Chevet's server is. Prints its port on stdout when listening,
// and removes its throw-away folder when told to stop.
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'chevet-bench-pouch-'));
const OnDisk = PouchDB.defaults({ prefix: `${folder}/` });
const app = expressPouchdb(OnDisk, {
  mode: 'minimumForPouchDB',
  configPath: join(folder, 'config.json'),
  logPath: join(folder, 'log.txt'),
});
const server = app.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.once('SIGTERM', () => {
  server.close();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
});
