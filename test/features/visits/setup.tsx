import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import { SLEDAI_DESCRIPTORS } from '@/domain';
import EndpointsPage from '@/features/visits/EndpointsPage';
import PatientModePage from '@/features/questionnaires/PatientModePage';
import QuestionnairePage from '@/features/questionnaires/QuestionnairePage';
import VisitCalendarPage from '@/features/visits/VisitCalendarPage';
import VisitFormPage from '@/features/visits/VisitFormPage';
import VisitPage from '@/features/visits/VisitPage';
import { currentWriteContext, useSession } from '@/session/session-store';
import type { FakeServer } from '../../session/fake-auth-server';

export const PIN = '482913';
const PASSWORD = 'correct horse battery';

export async function signedIn(
  server: FakeServer,
  username: string,
  role: 'nurse' | 'physician',
  name: string,
) {
  server.addUser(username, role, PASSWORD, name);
  await useSession.getState().signIn({ username, password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  return currentWriteContext()!;
}

/** A participant whose infusion is a week away: M0 is due today. */
export async function participant(daysToInfusion = 7) {
  const id = crypto.randomUUID();
  const infusion = new Date(Date.now() + daysToInfusion * 86_400_000);
  const infusionDate = new Date(infusion.getTime() - infusion.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 10);
  const created = await createRecord(getDb(), currentWriteContext()!, {
    kind: 'participant',
    recordId: id,
    patientId: id,
    data: { trialNumber: 'MSC-LES-07', initials: 'AB', infusionDate },
  });
  if (!created.ok) throw new Error('participant not created');
  return id;
}

export async function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/participants/:participantId', element: <p>participant page</p> },
      { path: '/participants/:participantId/visits', element: <VisitCalendarPage /> },
      { path: '/participants/:participantId/visits/:visit', element: <VisitPage /> },
      { path: '/participants/:participantId/visits/:visit/sf36', element: <QuestionnairePage /> },
      { path: '/participants/:participantId/visits/:visit/eq5d5l', element: <QuestionnairePage /> },
      { path: '/participants/:participantId/visits/:visit/sf36/patient', element: <PatientModePage /> },
      { path: '/participants/:participantId/visits/:visit/eq5d5l/patient', element: <PatientModePage /> },
      { path: '/participants/:participantId/visits/:visit/:form', element: <VisitFormPage /> },
      { path: '/participants/:participantId/endpoints', element: <EndpointsPage /> },
    ],
    { initialEntries: [path] },
  );
  // The form screens read their data from their first render, which waits for it (it suspends): rendered in
  // an awaited act, as React asks for a component that suspends.
  let rendered!: ReturnType<typeof render>;
  await act(async () => {
    rendered = render(
      <Suspense fallback={null}>
        <RouterProvider router={router} />
      </Suspense>,
    );
  });
  return { router, ...rendered };
}

/** The form on screen, all of it: a long form renders its first screenful first, its other items right after. */
export async function formShown(form: string) {
  await screen.findByTestId(`assessment-${form}`);
  const last = { sledai: `sledai-${SLEDAI_DESCRIPTORS.at(-1)!.id}`, sf36: 'sf36-item-36' }[form];
  if (last) await screen.findByTestId(last);
}
