import { describe, expect, it } from 'vitest';
import { entryTiming, isLate, itemState, type ScheduleItem } from '@/domain';

const item: ScheduleItem = {
  id: 'infusion-15',
  label: 'schedule.infusion',
  windowStart: 1_000,
  dueAt: 2_000,
  windowEnd: 3_000,
};
const declared = { reason: 'Participant hospitalised elsewhere', declaredAt: 500 };

describe('itemState', () => {
  it('is upcoming until the instant the window opens', () => {
    expect(itemState(item, 999)).toBe('upcoming');
    expect(itemState(item, 1_000)).toBe('due');
  });

  it('is due up to and including the instant the window closes, and overdue one millisecond later', () => {
    expect(itemState(item, 3_000)).toBe('due');
    expect(itemState(item, 3_001)).toBe('overdue');
  });

  it('never turns missed by the clock alone: an unrecorded check stays overdue', () => {
    expect(itemState(item, 10 ** 12)).toBe('overdue');
  });

  it('is done whenever a completion is recorded, even one stamped ahead of this device clock', () => {
    expect(itemState(item, 500, 2_500)).toBe('done');
    expect(itemState(item, 5_000, 4_000)).toBe('done');
  });

  it('is missed once the team declares it so, at any time', () => {
    expect(itemState(item, 500, undefined, declared)).toBe('missed');
    expect(itemState(item, 5_000, undefined, declared)).toBe('missed');
  });

  it('shows data entered after a missed declaration as done', () => {
    expect(itemState(item, 5_000, 4_500, declared)).toBe('done');
  });

  it('claims nothing is due when the current time is not a number', () => {
    expect(itemState(item, Number.NaN)).toBe('upcoming');
  });

  it('ignores a completion time that is not a number', () => {
    expect(itemState(item, 5_000, Number.NaN)).toBe('overdue');
  });
});

describe('isLate and entryTiming', () => {
  it('counts an entry at exactly the end of the window as on time and one a millisecond later as late', () => {
    expect(isLate(item, 3_000)).toBe(false);
    expect(isLate(item, 3_001)).toBe(true);
    expect(entryTiming(item, 3_001)).toBe('late');
  });

  it('tells an entry before the window opens as early, not late', () => {
    expect(entryTiming(item, 999)).toBe('early');
    expect(isLate(item, 999)).toBe(false);
    expect(entryTiming(item, 1_000)).toBe('onTime');
  });

  it('does not call a non-numeric completion time late', () => {
    expect(isLate(item, Number.NaN)).toBe(false);
  });
});
