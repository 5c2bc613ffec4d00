import type { TFunction } from 'i18next';
import type { CriterionResult } from '@/domain';
import { formatDate, formatNumber } from '@/ui/format';

// The clinical core's reason for a criterion (an i18n key with values, src/domain/eligibility/finding.ts) as a
// sentence in the person's language: numbers and dates formatted for that language, a drug and the missing facts
// by their names.

/** The catalogue key of a core reason ('….lastBelimumabDate.never' lives beside '….lastBelimumabDate'). */
export function reasonKey(key: string): string {
  return key.endsWith('Date.never') ? `${key.slice(0, -'.never'.length)}Never` : key;
}

export function reasonText(
  t: TFunction,
  language: string,
  result: Pick<CriterionResult, 'reason' | 'missing'>,
) {
  const { key, values = {} } = result.reason;
  if (key === 'eligibility.reason.missingFacts') {
    const facts = result.missing
      .map((fact) => t(`eligibility.fact.${fact}`))
      .join(t('eligibility.reason.factSeparator'));
    return t(key, { facts });
  }
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') shown[name] = formatNumber(value, language, { maximumFractionDigits: 1 });
    else if (name === 'drug') shown[name] = t(`eligibility.drug.${value}`);
    else if (name === 'date') shown[name] = formatDate(`${value}T12:00:00`, language);
    else shown[name] = value;
  }
  return t(reasonKey(key), shown);
}
