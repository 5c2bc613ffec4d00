import type { TFunction } from 'i18next';
import type { CommandError } from '@/db/command-result';

type Format = { date: (when: string) => string };

/** A screening command's refusal as a sentence, with the dates and procedures it names. */
export function refusalText(t: TFunction, format: Format, error: CommandError): string {
  if (error.code !== 'screening') {
    const generic: Partial<Record<CommandError['code'], string>> = {
      invalid: 'form.invalid',
      'reason-required': 'form.reasonRequired',
      forbidden: 'form.forbidden',
      stale: 'form.stale',
      'storage-full': 'storage.full',
    };
    return t(generic[error.code] ?? 'form.notFound');
  }
  const detail: Record<string, string | number> = { ...(error.detail ?? {}) };
  for (const name of ['date', 'consentDate'] as const)
    if (typeof detail[name] === 'string') detail[name] = format.date(`${detail[name]}T12:00:00`);
  if (typeof detail.procedure === 'string') detail.procedure = t(`screening.procedure.${detail.procedure}`);
  return t(`screening.refusal.${error.rule.replaceAll('-', '_')}`, detail);
}
