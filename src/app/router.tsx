import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { RouteError } from './RouteError';

// Every workflow route is lazy: the initial bundle holds only the shell (budget: 200 kB gz, issue 12).
const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const VISIT_ROUTES = [
  ['participants/:participantId/visits', () => import('@/features/visits/VisitCalendarPage')],
  ['participants/:participantId/visits/:visit', () => import('@/features/visits/VisitPage')],
  [
    'participants/:participantId/visits/:visit/sf36',
    () => import('@/features/questionnaires/QuestionnairePage'),
  ],
  [
    'participants/:participantId/visits/:visit/eq5d5l',
    () => import('@/features/questionnaires/QuestionnairePage'),
  ],
  [
    'participants/:participantId/visits/:visit/sf36/patient',
    () => import('@/features/questionnaires/PatientModePage'),
  ],
  [
    'participants/:participantId/visits/:visit/eq5d5l/patient',
    () => import('@/features/questionnaires/PatientModePage'),
  ],
  // …/M0/sledai, …/M3/bilag, …/M3/pga, …/prednisone, …/biology (the screening workflow links to …/M0/sledai).
  ['participants/:participantId/visits/:visit/:form', () => import('@/features/visits/VisitFormPage')],
  ['participants/:participantId/endpoints', () => import('@/features/visits/EndpointsPage')],
  ['overview', () => import('@/features/visits/OverviewPage')],
] as const;

export const router = createBrowserRouter([
  {
    // Behind the sign-in and lock screens (AppRoot's AuthGate, above the router: the first screen needs none).
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'participants', lazy: lazyPage(() => import('@/features/participants/ParticipantsPage')) },
      {
        path: 'participants/:participantId',
        lazy: lazyPage(() => import('@/features/participants/ParticipantPage')),
      },
      {
        path: 'participants/:participantId/infusion',
        lazy: lazyPage(() => import('@/features/infusion/InfusionPage')),
      },
      {
        path: 'participants/:participantId/adverse-events/:adverseEventId',
        lazy: lazyPage(() => import('@/features/adverse-events/AdverseEventPage')),
      },
      {
        path: 'participants/:participantId/adverse-events/:adverseEventId/sae-report',
        lazy: lazyPage(() => import('@/features/adverse-events/SaeReportPage')),
      },
      // Issue 23: follow-up visits, their forms and questionnaires (patient mode), endpoints, trial overview.
      ...VISIT_ROUTES.map(([path, load]) => ({ path, lazy: lazyPage(load) })),
      {
        path: 'participants/:participantId/screening',
        lazy: lazyPage(() => import('@/features/screening/ScreeningPage')),
      },
      { path: 'dose-decision', lazy: lazyPage(() => import('@/features/screening/DoseDecisionPage')) },
      { path: 'trial-config', lazy: lazyPage(() => import('@/features/screening/TrialConfigPage')) },
      {
        path: 'participants/:participantId/monitoring',
        lazy: lazyPage(() => import('@/features/monitoring/MonitoringPage')),
      },
      { path: 'conflicts', lazy: lazyPage(() => import('@/features/conflicts/ConflictsPage')) },
      { path: 'settings', lazy: lazyPage(() => import('./pages/SettingsPage')) },
      { path: 'admin', lazy: lazyPage(() => import('@/features/admin/AdminPage')) },
      { path: 'exports', lazy: lazyPage(() => import('@/features/review/ExportsPage')) },
      { path: 'review', lazy: lazyPage(() => import('@/features/review/ReviewPage')) },
      {
        path: 'review/participants/:patientId',
        lazy: lazyPage(() => import('@/features/review/ParticipantReviewPage')),
      },
      { path: 'review/trial', lazy: lazyPage(() => import('@/features/review/ParticipantReviewPage')) },
      { path: 'dsmb-report', lazy: lazyPage(() => import('@/features/review/DsmbReportPage')) },
      // Issue 24 item 2: data queries, the lists and a record's fields with their threads.
      { path: 'queries', lazy: lazyPage(() => import('@/features/queries/QueriesPage')) },
      { path: 'queries/records/:recordId', lazy: lazyPage(() => import('@/features/queries/RecordPage')) },
      { path: '*', lazy: lazyPage(() => import('./pages/NotFoundPage')) },
    ],
  },
]);
