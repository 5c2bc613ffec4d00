import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RouteError } from './RouteError';

/**
 * The last safety net, above the router: a screen before unlocking (sign-in, PIN setup, lock) that throws shows
 * the same message as a failing route, with a retry, instead of a blank tablet. The router's own errorElement
 * still catches the routes' errors first.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Chevet: a screen failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}
