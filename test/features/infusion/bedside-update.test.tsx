// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startTabletAlarms } from '@/app/alarms/start-alarms';
import { useUpdate } from '@/app/pwa';
import { UpdateBanner } from '@/app/UpdateBanner';
import { recordEvent } from '@/features/infusion/commands';
import '@/features/infusion/messages';
import { VitalsEntry } from '@/features/infusion/VitalsEntry';
import { ReactionChecklist } from '@/features/infusion/ReactionChecklist';
import { initI18n } from '@/i18n';
import type { WriteContext } from '@/db/write-context';
import { useActivity } from '@/session/activity-store';
import { createParticipant, signInAs, startClinicalSession } from '../clinical-session';

// Issue 21 item 5: the running infusion is a bedside session for the update banner, and an entry in progress is
// an open form: a new version never reloads the page under the nurse.

const START = {
  type: 'start' as const,
  plannedDurationMin: 60,
  volumeToInfuseMl: 47,
  rateMlPerHour: 47,
  doseLevel: 2 as const,
  cellsToInfuse: 141e6,
  weightKg: 70.5,
  lotNumber: 'LOT',
};

const updateButton = () => screen.getByRole('button', { name: 'Mettre à jour' }) as HTMLButtonElement;

describe('the infusion holds back app updates', () => {
  let ctx: WriteContext;
  let patientId: string;
  let stop: (() => void) | undefined;

  beforeAll(async () => {
    await initI18n('fr');
  });
  beforeEach(async () => {
    const session = await startClinicalSession();
    ctx = await signInAs(session, 'nina', 'nurse', 'Nina Infirmière');
    patientId = await createParticipant(session, 'MSC-LES-66');
    useActivity.setState({ bedsideActive: false, openForms: 0 });
    useUpdate.setState({ waiting: true, reloadPending: false });
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    cleanup();
  });

  it('while it runs (on any screen), until it ends', async () => {
    stop = startTabletAlarms();
    render(<UpdateBanner />);
    expect(updateButton().disabled).toBe(false);

    const infusionId = uuidv7();
    const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
    expect((await recordEvent(ctx, patientId, { ...START, infusionId, at: at(-20) })).ok).toBe(true);
    await waitFor(() => expect(useActivity.getState().bedsideActive).toBe(true));
    expect(updateButton().disabled).toBe(true);
    expect(screen.getByTestId('update-banner').textContent).toMatch(/séance au lit du patient est en cours/);

    const ended = await recordEvent(ctx, patientId, {
      infusionId,
      type: 'end',
      at: at(-1),
      volumeInfusedMl: 40,
      residualMl: 7,
    });
    expect(ended.ok).toBe(true);
    await waitFor(() => expect(useActivity.getState().bedsideActive).toBe(false));
    expect(updateButton().disabled).toBe(false);
  });

  it('a paused infusion found at start (a reload) holds them back too', async () => {
    const infusionId = uuidv7();
    const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
    expect((await recordEvent(ctx, patientId, { ...START, infusionId, at: at(-20) })).ok).toBe(true);
    const paused = await recordEvent(ctx, patientId, {
      infusionId,
      type: 'pause',
      at: at(-10),
      reason: 'lineProblem',
    });
    expect(paused.ok).toBe(true);
    stop = startTabletAlarms();
    render(<UpdateBanner />);
    await waitFor(() => expect(useActivity.getState().bedsideActive).toBe(true));
    expect(updateButton().disabled).toBe(true);
  });

  it('while a vital-sign entry or the reaction checklist is open', () => {
    render(<UpdateBanner />);
    const entry = render(
      <VitalsEntry patientId={patientId} trackId={uuidv7()} title="Contrôle" onSaved={() => {}} />,
    );
    expect(useActivity.getState().openForms).toBe(1);
    expect(updateButton().disabled).toBe(true);
    act(() => entry.unmount());
    expect(useActivity.getState().openForms).toBe(0);
    expect(updateButton().disabled).toBe(false);

    const reaction = render(
      <ReactionChecklist
        patientId={patientId}
        checkId="infusion-30"
        onSaved={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(updateButton().disabled).toBe(true);
    act(() => reaction.unmount());
    expect(useActivity.getState().openForms).toBe(0);
  });
});
