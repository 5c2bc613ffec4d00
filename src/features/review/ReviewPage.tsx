import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { conflictView } from '@/features/conflicts';
import type { DeviceSyncList } from '@/schema/review';
import { authorLine, useNames } from '@/session/people-names';
import { useRole } from '@/session/session-store';
import '@/session/store-review-messages';
import { formatDateTime } from '@/ui/format';
import type { ExportApiOptions } from './export-api';
import { TRIAL_KINDS } from './trial-kinds';
import { fetchDeviceSync, holdsStaleData, type DevicesResult } from './review-api';

/**
 * The data manager's (and physicians') review of the central store (issue 24 item 1). The data come from this
 * tablet's synced copy: a reviewer's tablet pulls every change its role may read (all of them), derived by the same
 * code as every tablet, so it holds the store as of its last sync (said on top). The devices' sync state is the
 * store's own (online).
 */
export default function ReviewPage({ api, now }: { api?: ExportApiOptions; now?: () => Date }) {
  const { t, i18n } = useTranslation();
  const role = useRole();
  const lastSync = useLiveQuery(async () => (await getDb().meta.get('sync'))?.lastSuccessAt ?? null, []);
  if (role !== 'data-manager' && role !== 'physician')
    return (
      <section>
        <h1>{t('storeReview.title')}</h1>
        <p role="alert">{t('storeReview.onlyReviewers')}</p>
      </section>
    );
  return (
    <section data-testid="review-page">
      <h1>{t('storeReview.title')}</h1>
      {lastSync !== undefined && (
        <p data-testid="review-as-of">
          {lastSync
            ? t('storeReview.intro', { at: formatDateTime(lastSync, i18n.language) })
            : t('storeReview.neverSynced')}
        </p>
      )}
      <DevicesPanel api={api} now={now ?? (() => new Date())} />
      <ConflictsPanel />
      <ParticipantsPanel />
      <TrialRecordsPanel />
    </section>
  );
}

export function DevicesPanel({ api, now }: { api?: ExportApiOptions; now: () => Date }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const [result, setResult] = useState<DevicesResult | null>(null);
  useEffect(() => {
    let cancelled = false;
    void fetchDeviceSync(api).then((r) => !cancelled && setResult(r));
    return () => {
      cancelled = true;
    };
  }, [api]);
  const at = (iso: string | null) =>
    iso ? formatDateTime(iso, i18n.language) : t('storeReview.devices.never');
  const unsent = (device: DeviceSyncList['devices'][number]) =>
    device.outboxReportedAt === null
      ? t('storeReview.devices.notReported')
      : device.outboxOldestAt === null
        ? t('storeReview.devices.nothingUnsent')
        : t('storeReview.devices.unsentSince', { at: formatDateTime(device.outboxOldestAt, i18n.language) });
  return (
    <section className="panel" aria-labelledby="review-devices" data-testid="review-devices">
      <h2 id="review-devices">{t('storeReview.devices.title')}</h2>
      {result && !result.ok && (
        <p role="status">{t(`storeReview.devices.${result.error === 'offline' ? 'offline' : 'error'}`)}</p>
      )}
      {result?.ok && (
        <div className="table-scroll" role="region" aria-label={t('storeReview.devices.title')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>{t('storeReview.devices.device')}</th>
                <th>{t('storeReview.devices.user')}</th>
                <th>{t('storeReview.devices.lastPush')}</th>
                <th>{t('storeReview.devices.lastPull')}</th>
                <th>{t('storeReview.devices.unsent')}</th>
              </tr>
            </thead>
            <tbody>
              {result.list.devices.map((device) => {
                const person = names?.find(device.userId);
                const stale = holdsStaleData(device, now());
                return (
                  <tr key={device.id} data-testid="review-device" className={stale ? 'differs' : undefined}>
                    <th scope="row">
                      {device.name}
                      {device.revokedAt && <span className="pill"> {t('storeReview.devices.revoked')}</span>}
                    </th>
                    <td>
                      {person
                        ? t('conflicts.author', { name: person.name, role: t(`session.role.${person.role}`) })
                        : device.userId.slice(0, 8)}
                    </td>
                    <td>{at(device.lastPushAt)}</td>
                    <td>{at(device.lastPullAt)}</td>
                    <td>
                      {unsent(device)}
                      {stale && (
                        <p className="field-error" role="alert" data-testid="stale-outbox">
                          {t('storeReview.devices.stale')}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ConflictsPanel() {
  const { t } = useTranslation();
  const records = useLiveQuery(() => getDb().records.where('inConflict').equals(1).toArray(), []);
  return (
    <section className="panel" aria-labelledby="review-conflicts" data-testid="review-conflicts">
      <h2 id="review-conflicts">{t('storeReview.conflicts.title')}</h2>
      {records?.length === 0 && <p>{t('storeReview.conflicts.none')}</p>}
      <ul>
        {records?.map((record) => (
          <ConflictLine key={record.id} record={record} />
        ))}
      </ul>
      {!!records?.length && <Link to="/conflicts">{t('storeReview.conflicts.open')}</Link>}
    </section>
  );
}

function ConflictLine({ record }: { record: StoredRecord }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [revisions, participant] = await Promise.all([
      db.revisions.where('recordId').equals(record.id).toArray(),
      record.patientId ? db.records.get(record.patientId) : undefined,
    ]);
    return { view: conflictView(revisions), participant };
  }, [record.id, record.patientId]);
  // With the names: never "an unknown person" or "no physician" for a moment before they are read.
  if (!data || !names) return null;
  const { view, participant } = data;
  const physicians = names?.withRole('physician').map((p) => p.name) ?? [];
  return (
    <li data-testid="review-conflict">
      <strong>
        {t(`conflicts.kind.${record.kind}`, { defaultValue: record.kind })}
        {participant && ` · ${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`}
      </strong>
      {view && (
        <div>
          {t('storeReview.conflicts.sides', {
            stored: authorLine(t, names, view.stored, i18n.language),
            competing: authorLine(t, names, view.competing, i18n.language),
          })}
        </div>
      )}
      <div data-testid="conflict-resolver">
        {physicians.length
          ? t('storeReview.conflicts.resolver', { names: physicians.join(', ') })
          : t('storeReview.conflicts.noPhysician')}
      </div>
    </li>
  );
}

function ParticipantsPanel() {
  const { t } = useTranslation();
  const rows = useLiveQuery(async () => {
    const db = getDb();
    const participants = await db.records.where('kind').equals('participant').toArray();
    return Promise.all(
      participants.map(async (p) => ({
        participant: p,
        count: await db.records.where('patientId').equals(p.id).count(),
      })),
    ).then((list) =>
      list.sort((a, b) =>
        String(a.participant.data.trialNumber).localeCompare(String(b.participant.data.trialNumber)),
      ),
    );
  }, []);
  return (
    <section className="panel" aria-labelledby="review-participants">
      <h2 id="review-participants">{t('storeReview.participants.title')}</h2>
      {rows?.length === 0 && <p>{t('storeReview.participants.none')}</p>}
      <ul data-testid="review-participants">
        {rows?.map(({ participant, count }) => (
          <li key={participant.id}>
            <Link to={`/review/participants/${participant.id}`}>
              {String(participant.data.trialNumber)} · {String(participant.data.initials)}
            </Link>{' '}
            <span className="muted">{t('storeReview.participants.records', { count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TrialRecordsPanel() {
  const { t } = useTranslation();
  const count = useLiveQuery(() => getDb().records.where('kind').anyOf(TRIAL_KINDS).count(), []);
  return (
    <section className="panel" aria-labelledby="review-trial" data-testid="review-trial">
      <h2 id="review-trial">{t('storeReview.trial.title')}</h2>
      <p>{t('storeReview.trial.detail')}</p>
      {count === 0 ? (
        <p>{t('storeReview.trial.none')}</p>
      ) : (
        count !== undefined && <Link to="/review/trial">{t('storeReview.trial.open', { count })}</Link>
      )}
    </section>
  );
}
