import { describe, expect, it } from 'vitest';
import {
  parseCorrection,
  queryActions,
  queryThreads,
  recordFields,
  valueAt,
  withValueAt,
} from '@/domain/data-query';
import type { DataQuery } from '@/schema/data-query';

const target = { recordId: '0190c8a0-0000-7000-8000-000000000001', kind: 'vitalSigns', rev: 1, field: 'sbp' };
const msg = (id: string, at: string, data: DataQuery) => ({ id, at, by: 'u', patientId: 'p', data });
const raise = msg('q', '2026-03-02T10:00:00Z', { action: 'raise', target, text: 'SBP ?' });

describe('data-query threads', () => {
  it('derives the status from the messages in the order written, whatever order they arrive in', () => {
    const answer = msg('a', '2026-03-02T11:00:00Z', { action: 'answer', queryId: 'q', text: 'ok' });
    const close = msg('c', '2026-03-02T12:00:00Z', { action: 'close', queryId: 'q' });
    const reopen = msg('r', '2026-03-02T13:00:00Z', { action: 'reopen', queryId: 'q', text: 'source?' });
    expect(queryThreads([raise])[0]!.status).toBe('open');
    expect(queryThreads([answer, raise])[0]!.status).toBe('answered');
    const [thread] = queryThreads([reopen, close, answer, raise]);
    expect(thread!.status).toBe('open');
    expect(thread!.messages.map((m) => m.id)).toEqual(['q', 'a', 'c', 'r']);
    // Answered offline after the data manager closed it: kept in the thread, the query stays closed.
    const late = msg('l', '2026-03-02T12:30:00Z', { action: 'answer', queryId: 'q', text: 'late' });
    expect(queryThreads([raise, close, late])[0]!.status).toBe('closed');
    expect(queryThreads([late])).toEqual([]);
  });

  it('offers each role only its own next steps', () => {
    expect(queryActions('open', 'nurse')).toEqual(['answer']);
    expect(queryActions('open', 'data-manager')).toEqual(['close']);
    expect(queryActions('answered', 'data-manager')).toEqual(['close', 'reopen']);
    expect(queryActions('answered', 'physician')).toEqual([]);
    expect(queryActions('closed', 'data-manager')).toEqual(['reopen']);
  });

  it('reads, replaces and lists fields by dotted path', () => {
    const data = { facts: { creatinine: 80, drugs: ['a', 'b'] }, answers: [{ v: 1 }], sbp: 120 };
    expect(valueAt(data, 'facts.creatinine')).toBe(80);
    expect(valueAt(data, 'answers.0.v')).toBe(1);
    expect(valueAt(data, 'nope.x')).toBeUndefined();
    const changed = withValueAt(data, 'answers.0.v', 2);
    expect(changed).toEqual({ ...data, answers: [{ v: 2 }] });
    expect(Array.isArray(changed.answers)).toBe(true);
    expect(data.answers[0]!.v).toBe(1);
    expect(recordFields(data).map((f) => f.path)).toEqual([
      'facts.creatinine',
      'facts.drugs',
      'answers.0.v',
      'sbp',
    ]);
  });

  it('reads a typed correction as the field’s type', () => {
    expect(parseCorrection(120, '12,5')).toBe(12.5);
    expect(parseCorrection(120, 'x')).toBeUndefined();
    expect(parseCorrection(120, '')).toBeUndefined();
    expect(parseCorrection(true, 'non')).toBe(false);
    expect(parseCorrection('AB', ' CD ')).toBe('CD');
  });
});
