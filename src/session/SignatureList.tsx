import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { Signature } from '@/schema/signature';
import { sessionDeps } from './session-store';
import { signaturesOf, signatureValidity, type SignatureValidity } from './signature';

export type SignatureView = { id: string; signature: Signature; validity: SignatureValidity };

/**
 * The signatures of a record with their validity, live: a revision or a void of the record (here or synced from
 * another tablet) turns its signatures "invalidated" at once.
 */
export function useRecordSignatures(
  record: StoredRecord | undefined,
  db?: ChevetDb,
): SignatureView[] | undefined {
  const database = db ?? sessionDeps().db();
  const stored = useLiveQuery(
    () => (record ? signaturesOf(database, record) : Promise.resolve([])),
    [database, record?.id, record?.patientId],
  );
  const [views, setViews] = useState<SignatureView[] | undefined>(undefined);
  useEffect(() => {
    if (!stored) return;
    let cancelled = false;
    void Promise.all(
      stored.map(async (r) => {
        const signature = r.data as Signature;
        return { id: r.id, signature, validity: await signatureValidity(signature, record) };
      }),
    ).then((next) => {
      if (!cancelled) setViews(next);
    });
    return () => {
      cancelled = true;
    };
  }, [stored, record]);
  return views;
}

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
          {views.map(({ id, signature, validity }) => (
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
                name: signature.signerName,
                role: t(`session.role.${signature.role}`),
                at: new Date(signature.signedAt).toLocaleString(i18n.language),
              })}
              {validity === 'invalidated' && (
                <p className="field-error">{t('signature.invalidatedExplain')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
