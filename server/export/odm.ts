import { signatureMeaningSchema } from '../../src/schema/signature';
import fr from '../../src/i18n/fr';
import en from '../../src/i18n/en';
import { exportKinds, valueAt, valueText, type Field, type FieldType } from './fields';
import { subjectOf, type Revision, type Snapshot } from './snapshot';

// CDISC ODM 1.3.2, FileType="Transactional" (issue 24): the metadata (one form per record kind, its items and code
// lists, derived from the zod schemas like the CSV files), the administrative data (the accounts, the site, one
// SignatureDef per signature meaning), and per participant every revision as a transaction in the store's order:
// Insert for a creation, Update for a revision, Remove for a void, each with its AuditRecord (who, when, which
// tablet, why) and, for a signature record and for the revision it signs, a Signature. Valid against the ODM
// 1.3.2 schema (test/server/export.test.ts runs xmllint on it).

export const STUDY_OID = 'MSC-LES';
const MDV_OID = 'MDV.1';
const EVENT_OID = 'SE.RECORDS';
const LOCATION_OID = 'LOC.SAINT-LOUIS';

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all (the store refuses them in text; never let one break the file).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

/** An element with attributes (undefined ones left out) and children (strings already XML). */
function el(name: string, attributes: Record<string, string | number | undefined>, ...children: string[]) {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escape(String(value))}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}
const text = (name: string, value: string, attributes: Record<string, string | undefined> = {}) =>
  el(name, attributes, escape(value));
const translated = (fr: string, en?: string) =>
  [
    text('TranslatedText', fr, { 'xml:lang': 'fr' }),
    ...(en ? [text('TranslatedText', en, { 'xml:lang': 'en' })] : []),
  ].join('');

const formOid = (kind: string) => `F.${kind}`;
const groupOid = (kind: string) => `IG.${kind}`;
const itemOid = (kind: string, field: Field) => `IT.${kind}.${field.name}`;
const codeListOid = (kind: string, field: Field) => `CL.${kind}.${field.name}`;
const userOid = (id: string) => `USR.${id}`;
const signatureDefOid = (meaning: string) => `SD.${meaning}`;

const ODM_TYPE: Record<FieldType, string> = {
  text: 'text',
  integer: 'integer',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'text',
};

function metaDataVersion(): string {
  const kinds = exportKinds();
  const forms = kinds.map((meta) =>
    el(
      'FormDef',
      { OID: formOid(meta.kind), Name: meta.kind, Repeating: 'Yes' },
      el('ItemGroupRef', {
        ItemGroupOID: groupOid(meta.kind),
        Mandatory: 'Yes',
      }),
    ),
  );
  const groups = kinds.map((meta) =>
    el(
      'ItemGroupDef',
      { OID: groupOid(meta.kind), Name: meta.kind, Repeating: 'No' },
      ...meta.fields.map((field, index) =>
        el('ItemRef', {
          ItemOID: itemOid(meta.kind, field),
          OrderNumber: index + 1,
          Mandatory: field.required ? 'Yes' : 'No',
        }),
      ),
    ),
  );
  const items = kinds.flatMap((meta) =>
    meta.fields.map((field) =>
      el(
        'ItemDef',
        { OID: itemOid(meta.kind, field), Name: field.name, DataType: ODM_TYPE[field.type] },
        el(
          'Description',
          {},
          translated(
            [field.name, field.type === 'json' ? 'JSON' : '', field.constraints].filter(Boolean).join(' — '),
          ),
        ),
        ...(field.codes ? [el('CodeListRef', { CodeListOID: codeListOid(meta.kind, field) })] : []),
      ),
    ),
  );
  const codeLists = kinds.flatMap((meta) =>
    meta.fields.flatMap((field) =>
      field.codes
        ? [
            el(
              'CodeList',
              {
                OID: codeListOid(meta.kind, field),
                Name: `${meta.kind}.${field.name}`,
                DataType: field.type === 'integer' ? 'integer' : field.type === 'float' ? 'float' : 'text',
              },
              ...field.codes.map((code) =>
                el(
                  'CodeListItem',
                  { CodedValue: code.code },
                  el('Decode', {}, translated(code.labelFr, code.labelEn)),
                ),
              ),
            ),
          ]
        : [],
    ),
  );
  return el(
    'MetaDataVersion',
    { OID: MDV_OID, Name: 'Chevet record kinds' },
    el('Protocol', {}, el('StudyEventRef', { StudyEventOID: EVENT_OID, Mandatory: 'Yes' })),
    el(
      'StudyEventDef',
      { OID: EVENT_OID, Name: 'Records', Repeating: 'No', Type: 'Common' },
      ...kinds.map((meta) => el('FormRef', { FormOID: formOid(meta.kind), Mandatory: 'No' })),
    ),
    ...forms,
    ...groups,
    ...items,
    ...codeLists,
  );
}

function adminData(snapshot: Snapshot): string {
  const users = snapshot.accounts.map((account) =>
    el(
      'User',
      { OID: userOid(account.id), UserType: account.role === 'physician' ? 'Investigator' : 'Other' },
      text('LoginName', account.username),
      text('DisplayName', account.displayName || account.username),
      text('Organization', account.role),
    ),
  );
  const frMeanings = fr.signature.meaning as Record<string, string>;
  const enMeanings = en.signature.meaning as Record<string, string>;
  const signatureDefs = signatureMeaningSchema.options.map((meaning) =>
    el(
      'SignatureDef',
      { OID: signatureDefOid(meaning), Methodology: 'Electronic' },
      text('Meaning', `${frMeanings[meaning] ?? meaning} / ${enMeanings[meaning] ?? meaning}`),
      text(
        'LegalReason',
        'Signature électronique par code PIN ou mot de passe du compte nominatif (EU GMP Annexe 11 ; 21 CFR Part 11)',
      ),
    ),
  );
  return el(
    'AdminData',
    { StudyOID: STUDY_OID },
    ...users,
    el(
      'Location',
      { OID: LOCATION_OID, Name: 'Hôpital Saint-Louis, Paris', LocationType: 'Site' },
      el('MetaDataVersionRef', {
        StudyOID: STUDY_OID,
        MetaDataVersionOID: MDV_OID,
        EffectiveDate: '2026-01-01',
      }),
    ),
    ...signatureDefs,
  );
}

const TRANSACTION: Record<Revision['op'], string> = { create: 'Insert', revise: 'Update', void: 'Remove' };

function auditRecord(revision: Revision): string {
  return el(
    'AuditRecord',
    { EditPoint: 'DataManagement', UsedImputationMethod: 'No' },
    el('UserRef', { UserOID: userOid(revision.userId) }),
    el('LocationRef', { LocationOID: LOCATION_OID }),
    text('DateTimeStamp', revision.at),
    ...(revision.reason ? [text('ReasonForChange', revision.reason)] : []),
    text('SourceID', `device:${revision.deviceId} (${revision.deviceName})`),
  );
}

type SignatureData = {
  signer: string;
  meaning: string;
  signedAt: string;
  recordId: string;
  recordRev: number;
};
const isSignature = (revision: Revision) =>
  revision.kind === 'signature' && typeof revision.data.meaning === 'string' && revision.op !== 'void';

function signatureElement(data: SignatureData): string {
  return el(
    'Signature',
    {},
    el('UserRef', { UserOID: userOid(data.signer) }),
    el('LocationRef', { LocationOID: LOCATION_OID }),
    el('SignatureRef', { SignatureOID: signatureDefOid(data.meaning) }),
    text('DateTimeStamp', data.signedAt),
  );
}

/** One revision as a FormData transaction. `previous` is the record's previous revision, for removed items. */
function formData(revision: Revision, previous: Revision | undefined, signature: SignatureData | undefined) {
  const meta = exportKinds().find((k) => k.kind === revision.kind);
  if (!meta) return '';
  const transaction = TRANSACTION[revision.op];
  const annotations = [
    el(
      'Annotation',
      { SeqNum: 1 },
      text(
        'Comment',
        [
          `store seq ${revision.seq}, revision ${revision.rev}` +
            (revision.baseRev === null ? '' : ` from revision ${revision.baseRev}`),
          `received ${revision.receivedAt}`,
          `by ${revision.userName} (${revision.userRole})`,
          revision.conflict
            ? 'CONFLICT: made from the same revision as another one, kept for resolution'
            : '',
          revision.supersedes ? `supersedes record ${revision.supersedes}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        { SponsorOrSite: 'Site' },
      ),
    ),
  ];
  const items: string[] = [];
  if (revision.op !== 'void') {
    for (const field of meta.fields) {
      const value = valueAt(revision.data, field.path);
      if (value !== undefined && value !== null) {
        items.push(
          el('ItemData', {
            ItemOID: itemOid(meta.kind, field),
            TransactionType: transaction,
            Value: valueText(field, value),
          }),
        );
      } else if (previous && valueAt(previous.data, field.path) !== undefined) {
        items.push(el('ItemData', { ItemOID: itemOid(meta.kind, field), TransactionType: 'Remove' }));
      }
    }
  }
  return el(
    'FormData',
    { FormOID: formOid(meta.kind), FormRepeatKey: revision.recordId, TransactionType: transaction },
    auditRecord(revision),
    ...(signature ? [signatureElement(signature)] : []),
    ...annotations,
    ...(revision.op === 'void'
      ? []
      : [el('ItemGroupData', { ItemGroupOID: groupOid(meta.kind), TransactionType: transaction }, ...items)]),
  );
}

export function buildOdm(
  snapshot: Snapshot,
  options: { fileOid: string; sourceSystemVersion: string },
): string {
  // The first signature of each signed revision, to sign that revision's FormData too (ODM allows one per element).
  const signatures = snapshot.revisions.filter(isSignature).map((r) => r.data as unknown as SignatureData);
  const signatureOf = new Map<string, SignatureData>();
  for (const signature of signatures) {
    const key = `${signature.recordId}#${signature.recordRev}`;
    if (!signatureOf.has(key)) signatureOf.set(key, signature);
  }

  const bySubject = new Map<string, string[]>();
  const lastRevision = new Map<string, Revision>();
  for (const revision of snapshot.revisions) {
    const subject = subjectOf(snapshot, revision);
    const own = isSignature(revision) ? (revision.data as unknown as SignatureData) : undefined;
    const signed =
      revision.op === 'void' ? undefined : signatureOf.get(`${revision.recordId}#${revision.rev}`);
    const form = formData(revision, lastRevision.get(revision.recordId), own ?? signed);
    if (revision.op !== 'void') lastRevision.set(revision.recordId, revision);
    if (form) bySubject.set(subject, [...(bySubject.get(subject) ?? []), form]);
  }
  const subjects = [...bySubject].map(([subject, forms]) =>
    el(
      'SubjectData',
      { SubjectKey: subject, TransactionType: 'Upsert' },
      el('SiteRef', { LocationOID: LOCATION_OID }),
      el('StudyEventData', { StudyEventOID: EVENT_OID, TransactionType: 'Upsert' }, ...forms),
    ),
  );

  const study = el(
    'Study',
    { OID: STUDY_OID },
    el(
      'GlobalVariables',
      {},
      text('StudyName', 'MSC-LES'),
      text(
        'StudyDescription',
        'Cellules souches mésenchymateuses allogéniques dans le lupus systémique réfractaire (Chevet export)',
      ),
      text('ProtocolName', 'MSC-LES'),
    ),
    metaDataVersion(),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'ODM',
      {
        xmlns: 'http://www.cdisc.org/ns/odm/v1.3',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        Description: 'Chevet: every revision of every record in the central store, with its audit trail',
        FileType: 'Transactional',
        FileOID: options.fileOid,
        CreationDateTime: snapshot.takenAt,
        ODMVersion: '1.3.2',
        Originator: 'Chevet',
        SourceSystem: 'Chevet',
        SourceSystemVersion: options.sourceSystemVersion,
      },
      study,
      adminData(snapshot),
      el('ClinicalData', { StudyOID: STUDY_OID, MetaDataVersionOID: MDV_OID }, ...subjects),
    ) +
    '\n'
  );
}
