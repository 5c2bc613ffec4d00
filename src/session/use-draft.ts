import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ZodType } from 'zod';
import { getDb } from '@/db/database';
import { discardDraft, draftKey, loadDraft, saveDraft } from '@/db/drafts';

// Every change is saved to IndexedDB at most this long after the keystroke (issue 4: "within a second").
export const DRAFT_DEBOUNCE_MS = 400;

/**
 * Autosaves a react-hook-form form as a draft for this person and form, and restores it when the form opens
 * again (after a reload, a crash, a lock or a switch of user). `restoredAt` tells the screen to say so.
 */
export function useDraft<T extends FieldValues>(
  form: UseFormReturn<T>,
  userId: string | undefined,
  formId: string,
  /** The form's values schema: a draft that no longer fits it (saved by an older version) is not restored. */
  schema?: ZodType<T>,
) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Values typed but not yet written: flushed when the form unmounts (lock, switch user, navigation).
  const pending = useRef<T | null>(null);
  const { reset, watch } = form;

  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    setReady(false);
    void loadDraft(getDb(), userId, formId).then((draft) => {
      if (cancelled) return;
      if (draft && (!schema || schema.safeParse(draft.data).success)) {
        reset(draft.data as T, { keepDefaultValues: true });
        setRestoredAt(draft.savedAt);
      }
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [userId, formId, reset, schema]);

  useEffect(() => {
    if (!userId || !ready) return;
    const flush = () => {
      clearTimeout(timer.current);
      if (pending.current) void saveDraft(getDb(), userId, formId, pending.current, new Date());
      pending.current = null;
    };
    const subscription = watch((values, { type }) => {
      if (type !== 'change') return;
      pending.current = values as T;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_DEBOUNCE_MS);
    });
    return () => {
      subscription.unsubscribe();
      flush();
    };
  }, [userId, formId, ready, watch]);

  return {
    /** The key to pass to the save command, which removes the draft in the same transaction. */
    key: userId ? draftKey(userId, formId) : undefined,
    restoredAt,
    ready,
    async discard() {
      clearTimeout(timer.current);
      pending.current = null;
      if (userId) await discardDraft(getDb(), userId, formId);
      setRestoredAt(null);
    },
    /** Cancels a pending autosave (call right before a save command consumes the draft). */
    cancelPending() {
      clearTimeout(timer.current);
      pending.current = null;
    },
  };
}
