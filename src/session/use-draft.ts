import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import type { ZodType } from 'zod';
import { getDb } from '@/db/database';
import { discardDraft, draftKey, loadDraft, saveDraft } from '@/db/drafts';
import type { Draft } from '@/db/types';
import type { DraftChoiceState, DraftStatus } from '@/ui/DraftChoice';
import { useSession } from './session-store';

// Every change is saved to IndexedDB at most this long after the keystroke (issue 4: "within a second").
export const DRAFT_DEBOUNCE_MS = 400;

export type FormDraft = DraftChoiceState & {
  /** The key to pass to the save command, which removes the draft in the same transaction. */
  key: string | undefined;
  /** The form must not be typed into (loading, or a draft awaiting the person's choice). */
  locked: boolean;
  /** When the restored draft was saved (null when none is shown). Prefer `status` and `<DraftChoice>`. */
  restoredAt: string | null;
  /** Whether the draft brought a value into this field (to highlight it while the draft is shown). */
  isRestored(field: string): boolean;
  ready: boolean;
  discard(): Promise<void>;
  /** Cancels a pending autosave (call right before a save command consumes the draft). */
  cancelPending(): void;
};

/**
 * Autosaves a react-hook-form form as a draft for this person and form, and brings it back when the form opens
 * again (after a reload, a crash, a lock or a switch of user). Drafts are per person: a colleague's never
 * shows. A draft from this session (lock, navigation) comes back restored; one from before (a previous
 * sign-in, a reload) is offered: shown read-only with whose it is and from when, to keep or discard. Either
 * way its values are highlighted, and the choice is never merged with new typing. Once the save command
 * consumes the draft (same transaction as the record), the form shows nothing about it any more.
 *
 * Render `<DraftChoice draft={draft} />` at the top of the form, disable the form's fields while
 * `draft.locked`, and give restored fields `restored={draft.isRestored(name)}` on `<Field>`.
 */
export function useDraft<T extends FieldValues>(
  form: UseFormReturn<T>,
  userId: string | undefined,
  formId: string,
  /** The form's values schema: a draft that no longer fits it (saved by an older version) is not restored. */
  schema?: ZodType<T>,
  /**
   * The draft of this key as the screen read it with its other data before showing the form (`draft` undefined:
   * there is none), so that the form opens ready at once instead of disabled until a read of its own.
   */
  preloaded?: { key: string; draft: Draft | undefined },
): FormDraft {
  const key = userId ? draftKey(userId, formId) : undefined;
  // Read once, for the key the form opened with (a later user or form reads its own).
  const preload = useRef(preloaded && preloaded.key === key ? preloaded : undefined);
  const [status, setStatus] = useState<DraftStatus>(() =>
    preload.current && !preload.current.draft ? 'none' : 'loading',
  );
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [restored, setRestored] = useState<Record<string, unknown>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Values typed but not yet written: flushed when the form unmounts (lock, switch user, navigation).
  const pending = useRef<T | null>(null);
  // The values the form opened with: what "discard" goes back to.
  const initial = useRef(form.formState.defaultValues);
  const ownerName = useSession((s) => (s.person?.userId === userId ? s.person?.displayName : undefined));
  const sessionStartedAt = useSession((s) => s.sessionStartedAt);
  const { reset, watch } = form;

  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    const known = preload.current?.key === draftKey(userId, formId) ? preload.current : undefined;
    preload.current = undefined;
    if (known && !known.draft) return;
    if (!known) setStatus('loading');
    void (known ? Promise.resolve(known.draft) : loadDraft(getDb(), userId, formId)).then((draft) => {
      if (cancelled) return;
      if (draft && (!schema || schema.safeParse(draft.data).success)) {
        reset(draft.data as T, { keepDefaultValues: true });
        setRestored(draft.data);
        setSavedAt(draft.savedAt);
        const fromThisSession = !!sessionStartedAt && draft.savedAt >= sessionStartedAt;
        setStatus(fromThisSession ? 'restored' : 'offered');
      } else setStatus('none');
    });
    return () => {
      cancelled = true;
    };
    // The session's start is read once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, formId, reset, schema]);

  // The save command deletes the draft with the record: from then on the form is a fresh one.
  const stored = useLiveQuery(
    async () => (key ? !!(await getDb().drafts.get(key)) : false),
    [key],
    preload.current ? !!preload.current.draft : undefined,
  );
  const shown = status === 'offered' || status === 'restored';
  useEffect(() => {
    if (shown && stored === false && !pending.current) {
      setStatus('none');
      setSavedAt(null);
      setRestored({});
    }
  }, [shown, stored]);

  const ready = status !== 'loading';
  const autosave = status === 'none' || status === 'restored';
  useEffect(() => {
    if (!userId || !autosave) return;
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
  }, [userId, formId, autosave, watch]);

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    if (userId) await discardDraft(getDb(), userId, formId);
    reset(initial.current as DefaultValues<T>);
    setStatus('none');
    setSavedAt(null);
    setRestored({});
  }, [userId, formId, reset]);

  return {
    key,
    status,
    locked: status === 'loading' || status === 'offered',
    restoredAt: shown ? savedAt : null,
    savedAt: shown ? savedAt : null,
    ownerName,
    isRestored: (field: string) => {
      if (!shown || !(field in restored)) return false;
      const before = (initial.current as Record<string, unknown> | undefined)?.[field];
      return JSON.stringify(restored[field]) !== JSON.stringify(before);
    },
    ready,
    keep: () => setStatus('restored'),
    discard,
    cancelPending() {
      clearTimeout(timer.current);
      pending.current = null;
    },
  };
}
