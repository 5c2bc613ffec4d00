import type { TFunction } from 'i18next';
import type { AuthFailure } from '@/session/auth-errors';
import { formatDateTime } from '@/ui/format';

/** A sign-in failure as one clear sentence in the person's language. */
export function authFailureMessage(t: TFunction, failure: AuthFailure, language: string): string {
  switch (failure.kind) {
    case 'unreachable':
      return t('auth.error.unreachable');
    case 'invalid-credentials':
      return t('auth.error.invalidCredentials');
    case 'account-locked':
      return failure.until
        ? t('auth.error.accountLockedUntil', {
            until: formatDateTime(failure.until, language),
          })
        : t('auth.error.accountLocked');
    case 'rate-limited':
      return failure.retryAfterSeconds
        ? t('auth.error.rateLimitedFor', { seconds: failure.retryAfterSeconds })
        : t('auth.error.rateLimited');
    case 'account-disabled':
      return t('auth.error.accountDisabled');
    case 'device-revoked':
      return t('auth.error.deviceRevoked');
    case 'unauthenticated':
      return t('auth.error.unauthenticated');
    case 'forbidden':
      return t('auth.error.forbidden');
    default:
      return t('auth.error.server', { status: failure.status });
  }
}
