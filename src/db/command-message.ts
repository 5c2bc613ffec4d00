import type { TFunction } from 'i18next';
import type { CommandError } from './command-result';

/** A command's refusal as a sentence for the person (field-level issues are shown beside the fields). */
export function commandMessage(t: TFunction, error: CommandError): string {
  switch (error.code) {
    case 'invalid':
      return t('form.invalid');
    case 'reason-required':
      return t('form.reasonRequired');
    case 'forbidden':
      return t('form.forbidden');
    case 'stale':
      return t('form.stale');
    case 'storage-full':
      return t('storage.full');
    default:
      return t('form.notFound');
  }
}
