import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChevetDb } from '@/db/database';
import { readNames } from '@/db/directory';
import type { StoredRecord } from '@/db/types';
import type { Signature } from '@/schema/signature';
import { sessionDeps } from './session-store';
import { signaturesOf, signatureValidity, type SignatureValidity } from './signature';
import { formatDateTime } from '@/ui/format';

export type SignatureView = {
  id: string;
  signature: Signature;
  validity: SignatureValidity;
  /** The signer as the store's accounts name them (see below). */
  signerName: string;
  /** When the central store received it (its clock); undefined while only on this tablet. */
  receivedAt?: string;
  /** The store recorded another author than the signer it names: it never counts as a signature. */
  notBySigner: boolean;
};

/**
 * The signatures of a record with their validity, live: a revision or a void of the record (here or synced from
 * another tablet) turns its signatures "invalidated" at once.
 *
 * Who signed is what the store recorded: the author of the signature's mutation (the token's person, never the
 * tablet's claim), named as the store's accounts name them — the name of that account as this tablet learnt it
 * from the store's people directory or its sign-in here (issue 24), else the `signerName` the store checked against
 * the account (issue 17) — and the store's
 * receipt time beside the tablet's `signedAt`. A stored signature whose author is not its signer (one pushed
 * before the store checked) is shown, marked, never valid.
 */
export function useRecordSignatures(
  record: StoredRecord | undefined,
  db?: ChevetDb,
): SignatureView[] | undefined {
  const database = db ?? sessionDeps().db();
  const stored = useLiveQuery(
    async () => {
      if (!record) return NONE;
      const signatures = await signaturesOf(database, record);
      const revisions = await database.revisions
        .where('recordId')
        .anyOf(signatures.map((r) => r.id))
        .toArray();
      const names = await readNames(database);
      return signatures.map((r) => {
        const created = revisions.find((v) => v.recordId === r.id && v.op === 'create');
        const author = created?.userId ?? r.createdBy;
        const account = names.find(author);
        return { record: r, author, synced: created?.seq != null, receivedAt: created?.receivedAt, account };
      });
    },
    [database, record?.id, record?.patientId],
    record ? undefined : NONE,
  );
  const [views, setViews] = useState<SignatureView[] | undefined>(undefined);
  useEffect(() => {
    if (!stored || stored === NONE) return;
    let cancelled = false;
    void Promise.all(
      stored.map(async ({ record: r, author, synced, receivedAt, account }): Promise<SignatureView> => {
        const signature = r.data as Signature;
        const notBySigner = synced && author !== signature.signer;
        const validity = notBySigner ? 'invalidated' : await signatureValidity(signature, record);
        return {
          id: r.id,
          signature,
          validity,
          signerName: (!notBySigner && account?.name) || signature.signerName,
          ...(receivedAt ? { receivedAt } : {}),
          notBySigner,
        };
      }),
    ).then((next) => {
      if (!cancelled) setViews(next);
    });
    return () => {
      cancelled = true;
    };
  }, [stored, record]);
  // No record (a form not saved yet): no signature, known at once and without rendering the screen again.
  return record ? views : NONE;
}

const NONE: never[] = [];

/** Shows each signature of a record; an invalidated one is marked and explained, never hidden. */
export function SignatureList({ record, db }: { record: StoredRecord; db?: ChevetDb }) {
  const { t, i18n } = useTranslation();
  const views = useRecordSignatures(record, db);
  if (!views) return null;
  return (
    <section className="signature-list" aria-label={t('signature.list')} data-testid="signature-list">
      {views.length === 0 ? (
        <p className="muted">{t('signature.none')}</p>
      ) : (
        <ul>
          {views.map(({ id, signature, validity, signerName, receivedAt, notBySigner }) => (
            <li
              key={id}
              className={`signature-${validity}`}
              data-testid="signature-entry"
              data-validity={validity}
            >
              <span className={validity === 'valid' ? 'pill pill-ok' : 'pill pill-danger'}>
                {t(validity === 'valid' ? 'signature.valid' : 'signature.invalidated')}
              </span>{' '}
              {t('signature.entry', {
                meaning: t(`signature.meaning.${signature.meaning}`),
                name: signerName,
                role: t(`session.role.${signature.role}`),
              })}
              <br />
              <span className="muted" data-testid="signature-times">
                {t('signatureStore.signedAt', {
                  at: formatDateTime(signature.signedAt, i18n.language),
                })}{' '}
                ·{' '}
                {receivedAt
                  ? t('signatureStore.receivedAt', {
                      at: formatDateTime(receivedAt, i18n.language),
                    })
                  : t('signatureStore.notReceived')}
              </span>
              {notBySigner ? (
                <p className="field-error">{t('signatureStore.notBySigner')}</p>
              ) : (
                validity === 'invalidated' && (
                  <p className="field-error">{t('signature.invalidatedExplain')}</p>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
