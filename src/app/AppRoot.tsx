import { StrictMode, type ReactNode } from 'react';
import { useHydrationDone } from '@/boot/hydration';
import { AppErrorBoundary } from './AppErrorBoundary';
import { AuthGate } from './auth/AuthGate';
import { TabGate } from './TabGate';

/**
 * The app above its router: a last error boundary, one active tab, then the sign-in / lock screens until someone is unlocked. The same
 * tree renders the prerendered first screen at build time (src/boot/prerender.tsx, without a router: the
 * screens before unlocking need none), so that React can hydrate it.
 */
export function AppRoot({ children }: { children?: ReactNode }) {
  useHydrationDone();
  return (
    <StrictMode>
      <AppErrorBoundary>
        <TabGate>
          <AuthGate>{children}</AuthGate>
        </TabGate>
      </AppErrorBoundary>
    </StrictMode>
  );
}
