// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Component, Suspense, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/database';
import { startRead, useLiveRead, useReadOnce } from '@/session/use-live-read';

// A screen's reads started from its first render (issue 25, figure 10): the screen waits for its data instead of
// showing "loading", then stays live; left and opened again, it reads afresh.

const count = () => getDb().drafts.count();
const put = (n: number) =>
  getDb().drafts.put({ key: `k${n}`, userId: 'u', data: { n }, savedAt: new Date(0).toISOString() });

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
});
afterEach(cleanup);

async function show(node: ReactNode) {
  let rendered!: ReturnType<typeof render>;
  await act(async () => {
    rendered = render(<Suspense fallback={<p>loading</p>}>{node}</Suspense>);
  });
  return rendered;
}

describe('useLiveRead', () => {
  it('shows nothing of the screen until its first result, then follows the writes', async () => {
    await put(1);
    const seen: unknown[] = [];
    function Drafts() {
      const n = useLiveRead('test:drafts', count);
      seen.push(n);
      return <p data-testid="count">{n}</p>;
    }
    await show(<Drafts />);
    expect((await screen.findByTestId('count')).textContent).toBe('1');
    // The screen rendered with its data only (useLiveQuery renders first without: undefined).
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(undefined);
    await act(() => put(2));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2'));
  });

  it('reads afresh when the screen is opened again after it was left', async () => {
    // A read of the opening (not live) tells: had the first screen's read been kept, the second would show 0.
    function Drafts() {
      return <p data-testid="count">{useReadOnce('test:again', count)}</p>;
    }
    const first = await show(<Drafts />);
    expect((await screen.findByTestId('count')).textContent).toBe('0');
    first.unmount();
    // Written once the screen is left (its read closes then).
    await new Promise((resolve) => setTimeout(resolve, 10));
    await put(1);
    await show(<Drafts />);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
  });

  it('throws a failed read to the error boundary', async () => {
    class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
      override state: { error?: Error } = {};
      static getDerivedStateFromError(error: Error) {
        return { error };
      }
      override render() {
        return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
      }
    }
    function Broken() {
      useLiveRead('test:broken', () => Promise.reject(new Error('no such table')));
      return <p>shown</p>;
    }
    const quiet = console.error;
    console.error = () => {};
    try {
      await show(
        <Boundary>
          <Broken />
        </Boundary>,
      );
      expect((await screen.findByRole('alert')).textContent).toBe('no such table');
    } finally {
      console.error = quiet;
    }
  });
});

describe('useReadOnce', () => {
  it('keeps the value of the opening (not live), read beside a live read started after it', async () => {
    await put(1);
    const read = () => getDb().drafts.get('k1');
    function Form() {
      startRead('test:once', read);
      const n = useLiveRead('test:live', count);
      const draft = useReadOnce('test:once', read);
      return (
        <p data-testid="form">
          {n} {String(draft?.data.n)}
        </p>
      );
    }
    await show(<Form />);
    expect((await screen.findByTestId('form')).textContent).toBe('1 1');
    await act(async () => {
      await getDb().drafts.put({
        key: 'k1',
        userId: 'u',
        data: { n: 9 },
        savedAt: new Date(0).toISOString(),
      });
      await put(2);
    });
    // The live read follows; the read of the opening stays as it was.
    await waitFor(() => expect(screen.getByTestId('form').textContent).toBe('2 1'));
  });
});
