import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRecord } from '@/db/types';
import type { InfusionEvent, InfusionStep } from '@/schema/infusion';
import type { Signature } from '@/schema/signature';
import type { VitalSigns } from '@/schema/vital-signs';
import { SyncBadge } from '@/ui/SyncBadge';
import { RevealPlaceholder, useRevealed } from '@/ui/reveal';
import { useFormat } from '@/ui/use-format';
import type { InfusionRecords } from './queries';

// Everything that happened in the infusion, in order of its clinical time, with who did it and on which tablet
// (the person named from the store's people directory, so one who never used this tablet is named too): the same
// list on every tablet once synced.

/** Rows shown in the screen's first render (the rest follow at once), and a row's height, about. */
const FIRST_ROWS = 8;
const ROW_REM = 2.6;

/** A row's text is written only if the row is shown (a long timeline shows its first screenful first). */
type Row = { id: string; at: string; text: () => string; record: StoredRecord };

/**
 * Memoised: the infusion screen renders again at every tick of the alarms (each second, for its clocks), while
 * the timeline changes only with its records and their authors' names (a new live-query result) or the language.
 */
export const Timeline = memo(function Timeline({
  records,
  infusionId,
}: {
  records: InfusionRecords;
  infusionId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const k = records.byKind;
  const rows: Row[] = [];
  const push = (record: StoredRecord, at: string, text: () => string) =>
    rows.push({ id: record.id, at, text, record });
  for (const r of k.infusionStep ?? []) {
    const step = r.data as InfusionStep;
    if (step.infusionId !== infusionId) continue;
    push(r, step.at, () =>
      step.outcome === 'waived'
        ? t('infusion.timeline.waived', { item: t(`infusion.item.${step.item}`), reason: step.waiver.reason })
        : t('infusion.timeline.step', { item: t(`infusion.item.${step.item}`) }),
    );
  }
  // The physician's signatures of this infusion's steps (a waiver counts only signed).
  const steps = new Map((k.infusionStep ?? []).map((r) => [r.id, r.data as InfusionStep]));
  for (const r of k.signature ?? []) {
    const sig = r.data as Signature;
    const step = steps.get(sig.recordId);
    if (step?.infusionId !== infusionId) continue;
    push(r, sig.signedAt, () => t('infusion.timeline.signed', { item: t(`infusion.item.${step.item}`) }));
  }
  for (const r of k.infusionEvent ?? []) {
    const e = r.data as InfusionEvent;
    if (e.infusionId !== infusionId) continue;
    const reason = () =>
      'reason' in e ? t(`infusion.reason.${e.reason}`) + (e.reasonText ? ` (${e.reasonText})` : '') : '';
    const text = () =>
      e.type === 'start'
        ? t('infusion.timeline.start', {
            rate: format.number(e.rateMlPerHour),
            volume: format.number(e.volumeToInfuseMl),
          })
        : e.type === 'pause'
          ? t('infusion.timeline.pause', { reason: reason() })
          : e.type === 'resume'
            ? t('infusion.timeline.resume')
            : t(e.stopped ? 'infusion.timeline.stopped' : 'infusion.timeline.end', {
                volume: format.number(e.volumeInfusedMl),
                residual: format.number(e.residualMl),
                reason: e.stopped ? t(`infusion.reason.${e.stopped.reason}`) : '',
              });
    push(r, e.at, text);
  }
  for (const r of k.vitalSigns ?? []) {
    const v = r.data as VitalSigns;
    if (v.trackId !== infusionId) continue;
    push(r, v.takenAt, () =>
      t('infusion.timeline.vitals', {
        check: v.checkId ? checkLabel(t, v.checkId) : t('infusion.timeline.unscheduled'),
        sbp: v.sbp,
        dbp: v.dbp,
        hr: v.hr,
        temp: format.number(v.temperatureC),
        spo2: v.spo2,
        rr: v.rr,
      }),
    );
  }
  // Reaction checklists and events belong to the infusion from its first step to 7 h after its end.
  const own = [...(k.infusionStep ?? []), ...(k.infusionEvent ?? [])].filter(
    (r) => r.data.infusionId === infusionId,
  );
  const since = own.map((r) => Date.parse(String(r.data.at))).sort((a, b) => a - b)[0];
  const end = own.find((r) => r.data.type === 'end');
  const until = end ? Date.parse(String(end.data.at)) + 7 * 3_600_000 : Infinity;
  const inside = (at: string) => since !== undefined && Date.parse(at) >= since && Date.parse(at) <= until;
  for (const r of k.monitoringCheck ?? []) {
    const d = r.data as { doneAt: string; answers: { present: boolean }[] };
    if (!inside(d.doneAt)) continue;
    push(r, d.doneAt, () =>
      t('infusion.timeline.reaction', { count: d.answers.filter((a) => a.present).length }),
    );
  }
  for (const r of k.adverseEvent ?? []) {
    const d = r.data as { onsetAt: string; grade: number };
    if (!inside(d.onsetAt)) continue;
    push(r, d.onsetAt, () => t('infusion.timeline.adverseEvent', { grade: d.grade }));
  }
  for (const r of k.missedCheck ?? []) {
    const d = r.data as { trackId: string; checkId: string; reason: string; declaredAt: string };
    if (d.trackId !== infusionId) continue;
    push(r, d.declaredAt, () =>
      t('infusion.timeline.missed', { check: checkLabel(t, d.checkId), reason: d.reason }),
    );
  }
  rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  // The first screenful of rows at once (the timeline is under the checks), the others right after.
  const shown = useRevealed(rows.length, FIRST_ROWS);
  const who = (userId: string) =>
    records.names.find(userId)?.name ?? t('infusion.timeline.someone', { id: userId.slice(-4) });
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('infusion.timeline.title')}</h2>
      <ol className="infusion-timeline" data-testid="infusion-timeline">
        {rows.slice(0, shown).map((row) => (
          <li key={row.id} data-testid="timeline-row">
            <span className="timeline-at">{format.time(row.at)}</span>
            <span className="timeline-text">{row.text()}</span>
            <span className="timeline-who muted">
              {t('infusion.timeline.by', {
                who: who(row.record.createdBy),
                device: row.record.deviceId.slice(-4),
              })}
            </span>
            <SyncBadge state={row.record.syncState} />
          </li>
        ))}
        <RevealPlaceholder count={rows.length - shown} itemRem={ROW_REM} />
      </ol>
    </section>
  );
});

/** 'infusion-15' → "Contrôle à 15 min", from the same labels as the schedule. */
export function checkLabel(
  t: (key: string, params?: Record<string, unknown>) => string,
  checkId: string,
): string {
  const minutes = /^(infusion|post)-(\d+)$/.exec(checkId);
  if (minutes)
    return t(minutes[1] === 'infusion' ? 'schedule.infusion' : 'schedule.postInfusion', {
      minutes: Number(minutes[2]),
    });
  if (checkId === 'end') return t('schedule.end');
  if (checkId === 'baseline') return t('schedule.baseline');
  return checkId;
}
