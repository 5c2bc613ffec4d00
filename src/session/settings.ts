import { create } from 'zustand';

// Per-tablet session settings, kept in localStorage (they are the tablet's, not a person's, and not clinical).

export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
const AUTO_LOCK_KEY = 'chevet.autoLockMinutes';
const DEVICE_NAME_KEY = 'chevet.deviceName';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the value still applies until the page closes.
  }
}

/** A stored idle time in whole minutes between 1 and 60, else the default. */
export function storedAutoLockMinutes(): number {
  const value = Number(read(AUTO_LOCK_KEY));
  return Number.isInteger(value) && value >= 1 && value <= 60 ? value : DEFAULT_AUTO_LOCK_MINUTES;
}

export const useSessionSettings = create<{ autoLockMinutes: number }>(() => ({
  autoLockMinutes: storedAutoLockMinutes(),
}));

export function setAutoLockMinutes(minutes: number) {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) return;
  write(AUTO_LOCK_KEY, String(minutes));
  useSessionSettings.setState({ autoLockMinutes: minutes });
}

/** The name this tablet gave itself at its first sign-in (shown to administrators in the device list). */
export function rememberedDeviceName(): string {
  return read(DEVICE_NAME_KEY) ?? '';
}

export function rememberDeviceName(name: string) {
  write(DEVICE_NAME_KEY, name.trim());
}
