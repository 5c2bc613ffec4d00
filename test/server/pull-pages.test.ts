import { describe, expect, it } from 'vitest';
import { createPullPages, type PullPage } from '../../server/sync/pull-changes';

// The pull pages read ahead (issue 25): the next page is prepared while the caller takes the last one, and a
// prepared page is served only when it can no longer change (it had more after it).

/** A log of seqs 1..n read as pull pages, counting the reads. */
function fakeLog(n: number) {
  const log = { length: n, reads: [] as string[] };
  const read = async (kinds: 'all' | readonly string[], after: number, limit: number): Promise<PullPage> => {
    log.reads.push(`${kinds === 'all' ? '*' : kinds.join(',')}|${after}|${limit}`);
    const seqs = Array.from({ length: log.length }, (_, i) => i + 1)
      .filter((s) => s > after)
      .slice(0, limit);
    const cursor = seqs.at(-1) ?? after;
    return { body: JSON.stringify({ seqs, kinds }), cursor, hasMore: cursor < log.length };
  };
  return { log, read };
}

describe('pull pages read ahead', () => {
  it('prepares the next page when a page has more after it, and serves it without reading it again', async () => {
    const { log, read } = fakeLog(5);
    const pages = createPullPages(read);
    expect(JSON.parse(await pages.page('nurse', 0, 2)).seqs).toEqual([1, 2]);
    // Page 1 read when asked, page 2 read ahead at once.
    expect(log.reads).toEqual(['*|0|2', '*|2|2']);
    expect(JSON.parse(await pages.page('nurse', 2, 2)).seqs).toEqual([3, 4]);
    expect(log.reads).toEqual(['*|0|2', '*|2|2', '*|4|2']);
    await pages.settled();
  });

  it('reads the last page again when asked: a push may have lengthened it since', async () => {
    const { log, read } = fakeLog(4);
    const pages = createPullPages(read);
    await pages.page('nurse', 0, 2);
    await pages.settled();
    // Ahead, page 2 was [3, 4] with nothing after: not final. Two more arrive before the tablet asks.
    log.length = 6;
    const second = JSON.parse(await pages.page('nurse', 2, 2));
    expect(second.seqs).toEqual([3, 4]);
    expect(log.reads).toEqual(['*|0|2', '*|2|2', '*|2|2', '*|4|2']);
    expect(JSON.parse(await pages.page('nurse', 4, 2)).seqs).toEqual([5, 6]);
  });

  it('serves a prepared page only for the same readable kinds and limit', async () => {
    const { log, read } = fakeLog(6);
    const pages = createPullPages(read);
    await pages.page('physician', 0, 2);
    expect(JSON.parse(await pages.page('admin', 2, 2)).kinds).toEqual([]);
    await pages.page('physician', 2, 3);
    expect(log.reads.slice(0, 4)).toEqual(['*|0|2', '*|2|2', '|2|2', '|4|2']);
    expect(log.reads).toContain('*|2|3');
    await pages.settled();
  });

  it('reads a page again when preparing it failed', async () => {
    const { log, read } = fakeLog(5);
    let calls = 0;
    // The read ahead (the second read) fails, as when the store is closing.
    const pages = createPullPages(async (...args) => {
      if (++calls === 2) throw new Error('the store is closing');
      return read(...args);
    });
    await pages.page('nurse', 0, 2);
    await pages.settled();
    expect(JSON.parse(await pages.page('nurse', 2, 2)).seqs).toEqual([3, 4]);
    expect(calls).toBe(4);
    expect(log.reads).toEqual(['*|0|2', '*|2|2', '*|4|2']);
  });
});
