import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { dueList, useAlarms } from '@/alarms';
import { infusionProgress } from '@/domain/infusion';
import { adverseEventPath } from '@/features/adverse-events';
import type { InfusionEvent } from '@/schema/infusion';
import type { VitalSigns } from '@/schema/vital-signs';
import { useWriteContext } from '@/session/session-store';
import { useFormat } from '@/ui/use-format';
import { Checklist } from './Checklist';
import { CheckSchedule } from './CheckSchedule';
import { checkLabel, Timeline } from './Timeline';
import { recordEvent } from './commands';
import { currentInfusionId, useInfusionRecords } from './queries';
import { ReactionChecklist, type ReactionOutcome } from './ReactionChecklist';
import { InfusionControls, RunningScreen } from './RunningScreen';
import { VitalsEntry } from './VitalsEntry';
import './infusion.css';
import './messages';

// The infusion at the bedside (issue 21): the pre-infusion checklist, then the running screen, then the
// post-infusion checks, with the timeline under each. `?check=<id>` opens the entry of that check (the alarm
// banner's one tap); saving a set past an alert threshold opens the infusion-reaction checklist; a grade ≥ 3
// reaction stops the flow and asks to stop or pause the infusion.

export default function InfusionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { participantId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const records = useInfusionRecords(participantId);
  const ctx = useWriteContext();
  const now = useAlarms((s) => s.now);
  const tracks = useAlarms((s) => s.tracks);
  const [newId] = useState(() => uuidv7());
  const [reaction, setReaction] = useState<{ checkId: string; vitalSignsId?: string } | null>(null);
  const [severe, setSevere] = useState<ReactionOutcome['severe'] | null>(null);
  const [stopRequested, setStopRequested] = useState(false);

  const { participant } = records;
  if (!participant || participant.kind !== 'participant')
    return <p role="alert">{t('participants.notFound')}</p>;
  const infusionId = currentInfusionId(records) ?? newId;
  const events = (records.byKind.infusionEvent ?? [])
    .map((r) => r.data as InfusionEvent)
    .filter((e) => e.infusionId === infusionId);
  const progress = infusionProgress(events, now);
  const track = tracks.find((tr) => tr.trackId === infusionId);
  const entries = track ? dueList([track], now).all : [];
  const sets = (records.byKind.vitalSigns ?? []).map((r) => ({ id: r.id, data: r.data as VitalSigns }));
  const ownSets = sets.filter((s) => s.data.trackId === infusionId);
  const baseline = ownSets.find((s) => s.data.baseline)?.data;
  const lastVitals = ownSets.filter((s) => !s.data.baseline).at(-1)?.data;
  const check = params.get('check');
  const entering = check !== null && progress.status !== 'notStarted';
  const running = progress.status === 'running' || progress.status === 'paused';

  const enter = (checkId?: string) => setParams({ check: checkId ?? 'unscheduled' });
  const closeEntry = () => setParams({});
  const reactionCheckId =
    check && check !== 'unscheduled'
      ? check
      : (entries.find((e) => e.state === 'due' || e.state === 'overdue')?.item.id ?? 'unscheduled');

  const pauseForReaction = async () => {
    if (!ctx) return;
    if (progress.status === 'running')
      await recordEvent(ctx, participant.id, {
        infusionId,
        type: 'pause',
        at: ctx.now().toISOString(),
        reason: 'reaction',
      });
    setSevere(null);
  };

  return (
    <section className="infusion" data-testid="infusion-page">
      <h1 data-testid="participant-title">
        <Link to={`/participants/${participant.id}`}>
          {String(participant.data.trialNumber)} · {String(participant.data.initials)}
        </Link>{' '}
        — {t('infusion.title')}
      </h1>
      {severe ? (
        <div
          role="alertdialog"
          aria-labelledby="severe-title"
          className="panel severe"
          data-testid="severe-reaction"
        >
          <h2 id="severe-title">{t('infusion.severe.title')}</h2>
          <ul>
            {severe.map((s) => (
              <li key={s.adverseEventId}>
                {t('infusion.severe.event', { name: s.name, grade: s.grade })}{' '}
                <Link to={adverseEventPath(participant.id, s.adverseEventId)} data-testid="severe-ae-link">
                  {t('infusion.severe.report')}
                </Link>
              </li>
            ))}
          </ul>
          {running ? (
            <>
              <p>{t('infusion.severe.ask')}</p>
              <div className="actions">
                <button type="button" onClick={() => void pauseForReaction()} data-testid="severe-pause">
                  {t('infusion.severe.pause')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    setStopRequested(true);
                    setSevere(null);
                  }}
                  data-testid="severe-stop"
                >
                  {t('infusion.severe.stop')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" onClick={() => setSevere(null)}>
              {t('infusion.severe.close')}
            </button>
          )}
        </div>
      ) : reaction ? (
        <ReactionChecklist
          patientId={participant.id}
          checkId={reaction.checkId}
          {...(reaction.vitalSignsId ? { vitalSignsId: reaction.vitalSignsId } : {})}
          onCancel={() => setReaction(null)}
          onSaved={({ severe: list }) => {
            setReaction(null);
            if (list.length > 0) setSevere(list);
          }}
        />
      ) : entering ? (
        <VitalsEntry
          key={check}
          patientId={participant.id}
          trackId={infusionId}
          {...(check !== 'unscheduled' ? { checkId: check } : {})}
          {...(baseline ? { baseline } : {})}
          title={check === 'unscheduled' ? t('infusion.vitals.unscheduled') : checkLabel(t, check)}
          onCancel={closeEntry}
          onSaved={({ recordId, alerts }) => {
            closeEntry();
            if (alerts.length > 0)
              setReaction({
                checkId: check === 'unscheduled' ? reactionCheckId : check,
                vitalSignsId: recordId,
              });
          }}
        />
      ) : progress.status === 'notStarted' ? (
        <Checklist infusionId={infusionId} records={records} now={now} />
      ) : (
        <>
          {running ? (
            <>
              <RunningScreen
                progress={progress}
                entries={entries}
                {...(lastVitals ? { lastVitals } : {})}
                {...(baseline ? { baseline } : {})}
                onEnter={enter}
                onReaction={() => setReaction({ checkId: reactionCheckId })}
              />
              <InfusionControls
                patientId={participant.id}
                infusionId={infusionId}
                progress={progress}
                {...(stopRequested ? { stopRequested: 'reaction' as const } : {})}
                onStopHandled={() => setStopRequested(false)}
              />
            </>
          ) : (
            <div className="panel" data-testid="infusion-ended">
              <h2>
                {t(progress.stopped ? 'infusion.ended.stopped' : 'infusion.ended.title', {
                  time: format.time(progress.endedAt!),
                })}
              </h2>
              <p>
                {t('infusion.ended.volumes', {
                  volume: format.number(progress.volumeInfusedMl ?? 0),
                  residual: format.number(progress.residualMl ?? 0),
                  duration: Math.round(progress.runningMs / 60_000),
                })}
              </p>
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    enter(entries.find((e) => e.state === 'due' || e.state === 'overdue')?.item.id)
                  }
                >
                  {t('infusion.running.enterVitals')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setReaction({ checkId: reactionCheckId })}
                  data-testid="open-reaction"
                >
                  {t('infusion.running.reaction')}
                </button>
              </div>
            </div>
          )}
          <section className="panel" aria-labelledby="checks-title">
            <h2 id="checks-title">{t('infusion.checks')}</h2>
            <CheckSchedule
              entries={entries}
              patientId={participant.id}
              trackId={infusionId}
              onEnter={enter}
            />
          </section>
        </>
      )}
      <Timeline records={records} infusionId={infusionId} />
    </section>
  );
}
