// @vitest-environment happy-dom
import { Suspense } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dueList, infusionChecks, type AlarmTrack } from '@/alarms';
import { useAlarms } from '@/alarms/store';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { Checklist } from '@/features/infusion/Checklist';
import { CheckSchedule } from '@/features/infusion/CheckSchedule';
import '@/features/infusion/messages';
import { useInfusionRecords, type InfusionRecords } from '@/features/infusion/queries';
import { Timeline } from '@/features/infusion/Timeline';
import { namesFrom } from '@/db/directory';
import { recordObservation } from '@/db/commands';
import { ReactionChecklist } from '@/features/infusion/ReactionChecklist';
import { initI18n } from '@/i18n';
import type { InfusionEvent, InfusionStep } from '@/schema/infusion';
import { resetAlarmSound } from '@/ui/alarm-sound';
import { contextFor, vitals } from '../../db/fixtures';
import { signInAs, startClinicalSession, createParticipant } from '../clinical-session';

const T0 = new Date(2026, 2, 2, 9, 0).getTime();
const MIN = 60_000;
const ID = '01930000-0000-7000-8000-0000000000aa';
const start: InfusionEvent = {
  infusionId: ID,
  type: 'start',
  at: new Date(T0).toISOString(),
  plannedDurationMin: 60,
  volumeToInfuseMl: 47,
  rateMlPerHour: 47,
  doseLevel: 2,
  cellsToInfuse: 141e6,
  weightKg: 70.5,
  lotNumber: 'LOT',
};

function track(events: InfusionEvent[], done: Record<string, number> = {}): AlarmTrack {
  return {
    key: `infusion:${ID}`,
    trackId: ID,
    patientId: 'p',
    subject: 'MSC-LES-07 · AB',
    route: '/participants/p/infusion',
    items: (now) => infusionChecks(events, now),
    done,
    missed: {},
    bedside: true,
  };
}

const states = () =>
  screen
    .getAllByRole('listitem')
    .map((li) => `${li.getAttribute('data-testid')}=${li.getAttribute('data-state')}`);

describe('the infusion screens', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(cleanup);

  it('shows the schedule with its states at given times', () => {
    // What the tablet holds at each time: the 15-minute set was entered at 16 min.
    const at = (min: number) =>
      dueList([track([start], min >= 16 ? { 'infusion-15': T0 + 16 * MIN } : {})], T0 + min * MIN).all;
    const { rerender } = render(
      <CheckSchedule entries={at(10)} patientId="p" trackId={ID} onEnter={() => {}} />,
    );
    expect(states()).toEqual([
      'check-infusion-15=upcoming',
      'check-infusion-30=upcoming',
      'check-infusion-45=upcoming',
      'check-end=upcoming',
    ]);
    rerender(<CheckSchedule entries={at(14)} patientId="p" trackId={ID} onEnter={() => {}} />);
    expect(states()[0]).toBe('check-infusion-15=due');
    rerender(<CheckSchedule entries={at(36)} patientId="p" trackId={ID} onEnter={() => {}} />);
    expect(states()).toEqual([
      'check-infusion-15=done',
      'check-infusion-30=overdue',
      'check-infusion-45=upcoming',
      'check-end=upcoming',
    ]);
    // The overdue check is red (its class) with "Saisir" and "Déclarer manqué"; the done one has neither.
    const overdue = screen.getByTestId('check-infusion-30');
    expect(overdue.className).toContain('check-overdue');
    expect(overdue.textContent).toContain('En retard');
    expect(overdue.querySelectorAll('button')).toHaveLength(2);
    expect(screen.getByTestId('check-infusion-15').querySelectorAll('button')).toHaveLength(0);
    // Past the planned end without an end recorded, the 15-minute checks keep coming.
    rerender(<CheckSchedule entries={at(64)} patientId="p" trackId={ID} onEnter={() => {}} />);
    expect(states()).toContain('check-infusion-60=due');
  });

  describe('with a signed-in nurse', () => {
    let patientId: string;
    beforeEach(async () => {
      const session = await startClinicalSession();
      await signInAs(session, 'nina', 'nurse', 'Nina Infirmière');
      patientId = await createParticipant(session);
    });

    it('asks which reaction applies when both are marked (NCI: do not report both), and records the other as its sign', async () => {
      const onSaved = vi.fn();
      render(
        <ReactionChecklist
          patientId={patientId}
          checkId="infusion-30"
          onSaved={onSaved}
          onCancel={() => {}}
        />,
      );
      const row = (id: string) => screen.getByTestId(`reaction-${id}`);
      fireEvent.click(row('infusionRelatedReaction').querySelector('[aria-label="Grade 2"]')!);
      fireEvent.click(row('allergicReaction').querySelector('[aria-label="Grade 3"]')!);
      fireEvent.click(screen.getByTestId('reaction-rest-absent'));
      fireEvent.click(screen.getByTestId('reaction-save'));
      const question = await screen.findByTestId('both-question');
      expect(question.textContent).toContain('laquelle s’applique');
      expect(await getDb().records.where('kind').equals('adverseEvent').count()).toBe(0);
      fireEvent.click(screen.getByRole('button', { name: 'Réaction liée à la perfusion' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      const events = await getDb().records.where('kind').equals('adverseEvent').toArray();
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({
        grade: 2,
        checkId: 'infusion-30',
        signs: ['allergicReaction'],
      });
      const [check] = await getDb().records.where('kind').equals('monitoringCheck').toArray();
      const answers = (
        check!.data as {
          answers: { item: string; present: boolean; signOf?: string; adverseEventId?: string }[];
        }
      ).answers;
      expect(answers.find((a) => a.item === 'allergicReaction')).toMatchObject({
        present: true,
        signOf: 'infusionRelatedReaction',
        adverseEventId: events[0]!.id,
      });
      expect(answers.filter((a) => !a.present).length).toBe(answers.length - 2);
      // Grade 2 for the reaction kept: nothing severe.
      expect(onSaved).toHaveBeenCalledWith({ severe: [] });
    });

    it('the timeline shows each record as it is written (live), with its sync state', async () => {
      function LiveTimeline() {
        return <Timeline records={useInfusionRecords(patientId)} infusionId={ID} />;
      }
      // The records are read from the first render, which waits for them (it suspends).
      await act(async () => {
        render(
          <Suspense fallback={null}>
            <LiveTimeline />
          </Suspense>,
        );
      });
      await screen.findByTestId('infusion-timeline');
      const rows = () => screen.queryAllByTestId('timeline-row').map((row) => row.textContent);
      // The nurse signed in on this tablet, named on each of her rows; someone unknown, by the end of the id.
      const nina = (await getDb().people.toArray()).find((p) => p.username === 'nina')!;
      const nurse = { ...contextFor('nurse'), userId: nina.userId };
      await recordObservation(getDb(), nurse, { kind: 'infusionEvent', patientId, data: start });
      await waitFor(() => expect(rows()).toHaveLength(1));
      expect(rows()[0]).toContain('Démarrage à 47 mL/h (47 mL)');
      expect(rows()[0]).toContain('Nina Infirmière');
      const stranger = contextFor('nurse');
      await recordObservation(getDb(), stranger, {
        kind: 'vitalSigns',
        patientId,
        data: vitals(new Date(T0 + 16 * MIN).toISOString(), { checkId: 'infusion-15', trackId: ID }),
      });
      await waitFor(() => expect(rows()).toHaveLength(2));
      expect(rows()[1]).toContain('Contrôle à 15 min : 120/75 mmHg');
      expect(rows()[1]).toContain(`utilisateur …${stranger.userId.slice(-4)}`);
      // Not yet on the store: each row says so.
      expect(screen.getAllByTestId('badge-pending')).toHaveLength(2);
    });

    it('a grade 3 comes back as severe (the page then stops the flow)', async () => {
      const onSaved = vi.fn();
      render(
        <ReactionChecklist
          patientId={patientId}
          checkId="infusion-30"
          onSaved={onSaved}
          onCancel={() => {}}
        />,
      );
      fireEvent.click(screen.getByTestId('reaction-fever').querySelector('[aria-label="Grade 3"]')!);
      fireEvent.click(screen.getByTestId('reaction-rest-absent'));
      fireEvent.click(screen.getByTestId('reaction-save'));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      expect(onSaved.mock.calls[0]![0].severe).toMatchObject([{ name: 'Fièvre', grade: 3 }]);
    });
  });

  it('the tap on "Start the infusion" unlocks the alarm sound and asks for notifications', async () => {
    const resume = vi.fn(function (this: { state: string }) {
      this.state = 'running';
      return Promise.resolve();
    });
    class FakeAudioContext {
      state = 'suspended';
      destination = {};
      currentTime = 0;
      resume = resume;
      createBuffer = () => ({});
      createBufferSource = () => ({ connect: () => {}, start: () => {}, buffer: null });
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const requestPermission = vi.fn(() => Promise.resolve('granted' as NotificationPermission));
    vi.stubGlobal('Notification', { permission: 'default', requestPermission });
    resetAlarmSound();
    const record = (kind: string, data: unknown, id: string = crypto.randomUUID()) =>
      ({
        id,
        kind,
        patientId: 'p',
        data,
        createdAt: '',
        sortAt: '',
        voided: 0,
        rev: 1,
      }) as unknown as StoredRecord;
    const at = new Date(T0 - 5 * MIN).toISOString();
    const vitalsId = crypto.randomUUID();
    const steps: InfusionStep[] = [
      { infusionId: ID, at, item: 'identity', outcome: 'done', confirmed: true },
      { infusionId: ID, at, item: 'screening', outcome: 'done' },
      {
        infusionId: ID,
        at,
        item: 'weight',
        outcome: 'done',
        weightKg: 70,
        doseLevel: 2,
        cellsToInfuse: 140e6,
      },
      {
        infusionId: ID,
        at,
        item: 'product',
        outcome: 'done',
        product: {
          lotNumber: 'L',
          bagNumber: 'B',
          labelTrialNumber: 'MSC-LES-07',
          totalViableCells: 3e8,
          viabilityPercent: 90,
          volumeMl: 100,
          expiresAt: new Date(T0 + 9e6).toISOString(),
          preparedAt: at,
        },
        volumeToInfuseMl: 46.7,
      },
      { infusionId: ID, at, item: 'premedication', outcome: 'done', given: [] },
      { infusionId: ID, at, item: 'ivLine', outcome: 'done', patent: true },
      { infusionId: ID, at, item: 'baselineVitals', outcome: 'done', vitalSignsId: vitalsId },
    ];
    const records: InfusionRecords = {
      participant: record('participant', { trialNumber: 'MSC-LES-07', initials: 'AB', doseLevel: 2 }, 'p'),
      byKind: {
        infusionStep: steps.map((s) => record('infusionStep', s)),
        vitalSigns: [
          record(
            'vitalSigns',
            { takenAt: at, sbp: 120, dbp: 70, hr: 70, temperatureC: 36.8, spo2: 98, rr: 14 },
            vitalsId,
          ),
        ],
      },
      names: namesFrom(undefined),
    };
    render(<Checklist infusionId={ID} records={records} now={T0} />);
    expect(useAlarms.getState().sound).not.toBe('ready');
    const startButton = screen.getByTestId('start-infusion');
    expect((startButton as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.click(startButton);
    });
    expect(resume).toHaveBeenCalledTimes(1);
    expect(requestPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(useAlarms.getState().sound).toBe('ready'));
    vi.unstubAllGlobals();
  });
});
