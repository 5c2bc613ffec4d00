import type { TFunction, i18n as I18n } from 'i18next';
import { isBedsideTermId, termName } from '@/domain/safety/ctcae';
import { assessmentFieldLabel } from './assessment-labels';
// The lazy sections whose words a history, a conflict or a query shows: the fields' names and values, the
// screening's (eligibility facts), the infusion's (its checklist, product and events).
import './field-label-messages';
import '@/features/infusion/messages';
import '@/features/screening/messages';
import type { RecordKind } from '@/schema/records';
import { formatDate, formatDateTime, formatNumber } from '@/ui/format';

// The conflict and data-query screens speak the screens' language: a field's label from the catalogue of the form it belongs
// to, a coded value as the word the form shows, dates and numbers formatted — never `doseLevel`, `included`,
// `M` or an ISO string.

/** The catalogue sections holding each kind's field labels (its form's), in the order they are looked in. */
const SECTIONS: Partial<Record<RecordKind, readonly string[]>> = {
  participant: ['participants'],
  vitalSigns: ['vitals'],
  adverseEvent: ['ae'],
  eligibility: ['eligibility.fact', 'eligibility.drug'],
  infusionStep: ['infusion.product'],
  infusionEvent: ['infusion.product'],
};

/**
 * The words of coded values that their form words another way than `<section>.<field>s.<value>`, by field name
 * (the last part of a nested one): the key of each value's word, or null to keep the value as it is.
 */
const VALUE_WORDS: Partial<Record<RecordKind, Record<string, (value: string) => string | null>>> = {
  adverseEvent: {
    kind: (v) => `fieldValues.termKind.${v}`,
    actions: (v) => `ae.action.${v}`,
    relatedness: (v) => `ae.relation.${v}`,
    relationToProcedure: (v) => `ae.relation.${v}`,
    seriousness: (v) => `ae.criteria.${v}`,
    expectedness: (v) => `ae.${v}`,
    sponsorNotificationMethod: (v) => `sae.methods.${v}`,
  },
  doseDecision: {
    recommendation: (v) => `fieldValues.recommendation.${v}`,
    decision: (v) => `fieldValues.decision.${v}`,
  },
  eligibility: {
    verdict: (v) => `screening.verdict.${v}`,
    lastBelimumabDate: (v) => (v === 'never' ? 'screening.never' : null),
    lastBCellDepletingDate: (v) => (v === 'never' ? 'screening.never' : null),
    sex: (v) => `participants.sex${v}`,
    pregnancyTest: (v) => `screening.${v}`,
    hiv: (v) => `screening.${v}`,
    htlv: (v) => `screening.${v}`,
    hbsAg: (v) => `screening.${v}`,
    hcv: (v) => `screening.${v}`,
  },
  signature: {
    meaning: (v) => `signature.meaning.${v}`,
    method: (v) => (v === 'pin' ? 'signature.methodPin' : 'signature.methodPassword'),
    role: (v) => `session.role.${v}`,
  },
  assessment: {
    // The SF-36's own form (v2 or v1) within a response, before the visit form's.
    form: (v) => (v === 'v2' || v === 'rand36' ? `fieldValues.sf36Form.${v}` : `visits.form.${v}`),
    respondent: (v) => `fieldValues.respondent.${v}`,
    kind: (v) =>
      v === 'endStageRenalDisease'
        ? 'visits.failure.esrd'
        : v === 'rescueTherapy'
          ? 'visits.failure.rescue'
          : null,
    treatment: (v) => `visits.failure.treatment.${v}`,
    therapy: (v) => `visits.failure.therapy.${v}`,
  },
  infusionStep: {
    item: (v) => `infusion.item.${v}`,
    outcome: (v) => `infusion.itemState.${v}`,
  },
  infusionEvent: {
    type: (v) => `fieldValues.infusionEventType.${v}`,
    reason: (v) => `infusion.reason.${v}`,
  },
  dataQuery: { action: (v) => `fieldValues.queryAction.${v}` },
  // A visit is named by its code (M0, M3…), as on every screen.
  visitMissed: { visit: () => null },
};

function text(t: TFunction, i18n: I18n, key: string): string | undefined {
  if (!i18n.exists(key)) return undefined;
  const value = t(key, { returnObjects: true }) as unknown;
  return typeof value === 'string' ? value : undefined;
}

export function fieldLabel(t: TFunction, i18n: I18n, kind: RecordKind, field: string): string {
  // A nested field (`items.arthritis`, the record history's) is labelled by its own name.
  const name = field.split('.').at(-1)!;
  return (
    (kind === 'assessment'
      ? assessmentFieldLabel(field, i18n.language, (key) => text(t, i18n, key))
      : undefined) ??
    SECTIONS[kind]?.map((section) => text(t, i18n, `${section}.${name}`)).find(Boolean) ??
    text(t, i18n, `fieldNames.${name}`) ??
    // Unknown to the catalogues (a field added without a label): words, not camelCase.
    name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function fieldValue(
  t: TFunction,
  i18n: I18n,
  kind: RecordKind,
  field: string,
  value: unknown,
): string {
  const language = i18n.language;
  const name = field.split('.').at(-1)!;
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'conflicts.yes' : 'conflicts.no');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') {
    const wordOf = VALUE_WORDS[kind]?.[name];
    if (wordOf) {
      const key = wordOf(value);
      return (key && text(t, i18n, key)) || value;
    }
    // A lab value's CTCAE term, by its name in the catalogue (in French or English).
    if (name === 'term' && isBedsideTermId(value)) return termName(value, language === 'en' ? 'en' : 'fr');
    // A coded value, as its form shows it: participants.statuses.included, participants.sexM.
    const word = SECTIONS[kind]
      ?.map(
        (section) =>
          text(t, i18n, `${section}.${name}es.${value}`) ??
          text(t, i18n, `${section}.${name}s.${value}`) ??
          text(t, i18n, `${section}.${name}${value}`),
      )
      .find(Boolean);
    if (word) return word;
    if (ISO_DATE.test(value)) return formatDate(`${value}T12:00:00`, language);
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, language);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => fieldValue(t, i18n, kind, name, v)).join(', ');
  // A group of fields, in words that wrap on a tablet held upright (never one unbreakable JSON line).
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([key, v]) =>
        t('conflicts.pair', {
          field: fieldLabel(t, i18n, kind, key),
          value: fieldValue(t, i18n, kind, key, v),
        }),
      )
      .join(' ; ');
  return String(value);
}
