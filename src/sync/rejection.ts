import type { PushResult } from '@/schema/sync';

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The stable reason code of a `rejected` answer: its `code`, or a `reason` that is itself a code (a store that
 * sends only the code). Undefined for a sentence: the screen then says the refusal in general words and quotes it.
 */
export function rejectionCode(result: Pick<PushResult, 'code' | 'reason'>): string | undefined {
  if (result.code && CODE.test(result.code)) return result.code;
  if (result.reason && CODE.test(result.reason)) return result.reason;
  return undefined;
}
