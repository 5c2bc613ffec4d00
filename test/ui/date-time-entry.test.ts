import { describe, expect, it } from 'vitest';
import {
  entryFromDate,
  normaliseEntry,
  parseDateText,
  parseTimeText,
  readDateTimeEntry,
  toOffsetIso,
} from '@/ui/date-time-entry';
import { resolveMeasuredAt } from '@/ui/measured-at';

const now = new Date(2026, 11, 1, 8, 17, 44);

describe('date-time entry', () => {
  it('reads day/month/year and 24-hour time, leniently typed on a numeric keypad', () => {
    expect(parseDateText('01/12/2026')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateText('1.12.26')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateText('01122026')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateText('31/02/2026')).toBeUndefined();
    expect(parseDateText('12/31/2026')).toBeUndefined();
    expect(parseTimeText('8:05')).toEqual({ hour: 8, minute: 5 });
    expect(parseTimeText('20h15')).toEqual({ hour: 20, minute: 15 });
    expect(parseTimeText('0817')).toEqual({ hour: 8, minute: 17 });
    expect(parseTimeText('24:00')).toBeUndefined();
    expect(parseTimeText('8:5')).toBeUndefined();
    expect(normaliseEntry({ date: '1.12.26', time: '805' })).toEqual({ date: '01/12/2026', time: '08:05' });
    expect(entryFromDate(now)).toEqual({ date: '01/12/2026', time: '08:17' });
  });

  it('says what is wrong, and refuses the future when asked (the current minute is not the future)', () => {
    expect(readDateTimeEntry({ date: '', time: '08:00' })).toEqual({ ok: false, problem: 'incomplete' });
    expect(readDateTimeEntry({ date: '32/12/2026', time: '08:00' })).toEqual({
      ok: false,
      problem: 'invalidDate',
    });
    expect(readDateTimeEntry({ date: '01/12/2026', time: '25:00' })).toEqual({
      ok: false,
      problem: 'invalidTime',
    });
    const later = { date: '01/12/2026', time: '08:18' };
    expect(readDateTimeEntry(later)).toMatchObject({ ok: true });
    expect(readDateTimeEntry(later, { notAfter: now })).toEqual({ ok: false, problem: 'future' });
    expect(readDateTimeEntry({ date: '01/12/2026', time: '08:17' }, { notAfter: now })).toEqual({
      ok: true,
      at: new Date(2026, 11, 1, 8, 17),
    });
  });

  it('writes the offsetted ISO time of the wire contract', () => {
    const iso = toOffsetIso(now);
    expect(iso).toMatch(/^2026-12-01T08:17:44[+-]\d\d:\d\d$/);
    expect(new Date(iso).getTime()).toBe(now.getTime());
  });
});

describe('the time of a measurement', () => {
  it('is the moment of saving unless set by hand', () => {
    expect(resolveMeasuredAt(null, now)).toEqual({ ok: true, at: toOffsetIso(now), byHand: false });
    expect(resolveMeasuredAt({ date: '01/12/2026', time: '07:50' }, now)).toEqual({
      ok: true,
      at: toOffsetIso(new Date(2026, 11, 1, 7, 50)),
      byHand: true,
    });
    expect(resolveMeasuredAt({ date: '01/12/2026', time: '09:00' }, now)).toEqual({
      ok: false,
      problem: 'future',
    });
  });
});
