import type { TFunction } from 'i18next';
import type { AdminFailure } from './admin-api';

export function adminFailureMessage(t: TFunction, error: AdminFailure): string {
  switch (error.kind) {
    case 'invalid':
      return t('admin.error.invalid', { message: error.message });
    case 'server':
      return t('admin.error.server', { status: error.status });
    default:
      return t(`admin.error.${error.kind}`);
  }
}
