import { create } from 'zustand';

/**
 * What the lock screen may show while the tablet is locked during an infusion: the time of the next due check and
 * whether its alarm is ringing. Never patient data. The infusion feature sets it
 * (`useLockScreenNotice.setState({ nextCheckAt, alarm })`) and clears it at the end (`clearLockScreenNotice()`).
 */
export type LockScreenNotice = {
  /** Epoch ms of the next due check. */
  nextCheckAt?: number;
  /** A check is due now: the lock screen shows it as an alert. */
  alarm: boolean;
};

export const useLockScreenNotice = create<LockScreenNotice>(() => ({ alarm: false }));

export function clearLockScreenNotice() {
  useLockScreenNotice.setState({ nextCheckAt: undefined, alarm: false });
}
