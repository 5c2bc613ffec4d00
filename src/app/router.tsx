import { createBrowserRouter } from 'react-router';
import { AuthGate } from './auth/AuthGate';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { RouteError } from './RouteError';

// Every workflow route is lazy: the initial bundle holds only the shell (budget: 200 kB gz, issue 12).
const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    element: (
      <AuthGate>
        <Layout />
      </AuthGate>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'participants', lazy: lazyPage(() => import('@/features/participants/ParticipantsPage')) },
      {
        path: 'participants/:participantId',
        lazy: lazyPage(() => import('@/features/participants/ParticipantPage')),
      },
      {
        path: 'participants/:participantId/adverse-events/:adverseEventId',
        lazy: lazyPage(() => import('@/features/adverse-events/AdverseEventPage')),
      },
      {
        path: 'participants/:participantId/adverse-events/:adverseEventId/sae-report',
        lazy: lazyPage(() => import('@/features/adverse-events/SaeReportPage')),
      },
      { path: 'conflicts', lazy: lazyPage(() => import('@/features/conflicts/ConflictsPage')) },
      { path: 'settings', lazy: lazyPage(() => import('./pages/SettingsPage')) },
      { path: 'admin', lazy: lazyPage(() => import('@/features/admin/AdminPage')) },
      { path: '*', lazy: lazyPage(() => import('./pages/NotFoundPage')) },
    ],
  },
]);
