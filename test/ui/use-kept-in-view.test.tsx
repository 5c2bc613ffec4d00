// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeptInView } from '@/ui/use-kept-in-view';

/** A ResizeObserver the test drives: the page "changes size" when the test says so. */
let observers: { callback: () => void; targets: Element[]; connected: boolean }[] = [];
class DrivenResizeObserver {
  private entry: (typeof observers)[number];
  constructor(callback: () => void) {
    this.entry = { callback, targets: [], connected: true };
    observers.push(this.entry);
  }
  observe(target: Element) {
    this.entry.targets.push(target);
  }
  disconnect() {
    this.entry.connected = false;
  }
  unobserve() {}
}
const pageChangesSize = () => observers.filter((o) => o.connected).forEach((o) => o.callback());

function Entry({ enabled }: { enabled: boolean }) {
  const ref = useRef<HTMLElement>(null);
  useKeptInView(ref, enabled);
  return <section ref={ref} data-testid="entry" />;
}

describe('useKeptInView', () => {
  let scrolls: ScrollIntoViewOptions[];
  beforeEach(() => {
    observers = [];
    scrolls = [];
    vi.stubGlobal('ResizeObserver', DrivenResizeObserver);
    HTMLElement.prototype.scrollIntoView = function (options?: boolean | ScrollIntoViewOptions) {
      scrolls.push(options as ScrollIntoViewOptions);
    };
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('brings the entry on screen as it opens, and again when a notice above it changes the page', () => {
    render(<Entry enabled />);
    expect(scrolls).toEqual([{ block: 'nearest' }]);
    expect(observers[0]!.targets).toEqual([document.body]);
    pageChangesSize();
    pageChangesSize();
    expect(scrolls).toHaveLength(3);
  });

  it('stops following once the person scrolls by hand, and when the entry closes', () => {
    const { unmount } = render(<Entry enabled />);
    window.dispatchEvent(new Event('touchmove'));
    pageChangesSize();
    expect(scrolls).toHaveLength(1);
    unmount();
    render(<Entry enabled />);
    window.dispatchEvent(new Event('wheel'));
    pageChangesSize();
    expect(scrolls).toHaveLength(2);
  });

  it('leaves the page alone when not asked (the checklist’s own baseline entry)', () => {
    render(<Entry enabled={false} />);
    pageChangesSize();
    expect(scrolls).toHaveLength(0);
    expect(observers).toHaveLength(0);
  });
});
