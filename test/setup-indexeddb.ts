// Every test process gets an in-memory IndexedDB before Dexie loads (Dexie captures it at import time).
import 'fake-indexeddb/auto';
