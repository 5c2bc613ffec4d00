import { afterEach, describe, expect, it, vi } from 'vitest';
import { vibrate } from '@/alarms/device';

// The browser refuses a vibration before the first tap on the page (and logs an error for it): an alarm due when
// the app starts does not ask; one after a tap does.

afterEach(() => vi.unstubAllGlobals());

function tablet(hasBeenActive: boolean) {
  const vibrateSpy = vi.fn(() => true);
  vi.stubGlobal('navigator', { vibrate: vibrateSpy, userActivation: { hasBeenActive } });
  return vibrateSpy;
}

describe('an alarm’s vibration', () => {
  it('is not asked for before the first tap on the page', () => {
    const asked = tablet(false);
    expect(vibrate()).toBe(false);
    expect(asked).not.toHaveBeenCalled();
  });

  it('vibrates once the page has been tapped', () => {
    const asked = tablet(true);
    expect(vibrate()).toBe(true);
    expect(asked).toHaveBeenCalledOnce();
  });
});
