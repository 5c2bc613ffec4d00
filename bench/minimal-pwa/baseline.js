// Not part of the minimal PWA: the benchmark injects it to time the bare IndexedDB operations under each of
// Chevet's browser figures (same page, same machine, same run), so every Chevet timing has its floor beside it.
(() => {
  const open = (name) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('records', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  const record = (i) => ({
    id: `r${i}-${Math.random()}`,
    patientId: 'p1',
    kind: 'vitalSigns',
    data: {
      takenAt: new Date().toISOString(),
      sbp: 120,
      dbp: 75,
      hr: 70,
      temperatureC: 36.8,
      spo2: 98,
      rr: 14,
    },
  });
  window.minimalBaseline = {
    /** One readwrite transaction putting one record, committed: the floor of a save. */
    async puts(count) {
      const db = await open(`baseline-${Math.random()}`);
      const durations = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(record(i));
        await done(tx);
        durations.push(performance.now() - started);
      }
      db.close();
      return durations;
    },
    /** A put committed, then read back in a new transaction: the floor of a save shown by a query. */
    async putThenGet(count) {
      const db = await open(`baseline-${Math.random()}`);
      const durations = [];
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const value = record(i);
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(value);
        await done(tx);
        await new Promise((resolve) => {
          db.transaction('records').objectStore('records').get(value.id).onsuccess = resolve;
        });
        durations.push(performance.now() - started);
      }
      db.close();
      return durations;
    },
    /** `total` records parsed from JSON a page at a time and stored a page per transaction: a first sync's floor. */
    async bulk(total, page) {
      const db = await open(`baseline-${Math.random()}`);
      const started = performance.now();
      for (let i = 0; i < total; i += page) {
        const rows = Array.from({ length: Math.min(page, total - i) }, (_, j) => record(i + j));
        const copy = JSON.parse(JSON.stringify(rows));
        const tx = db.transaction('records', 'readwrite');
        const store = tx.objectStore('records');
        for (const row of copy) store.put(row);
        await done(tx);
      }
      const ms = performance.now() - started;
      db.close();
      return ms;
    },
  };
})();
