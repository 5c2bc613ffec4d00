import { exportKinds, isLabelled, labelOf, valueAt, valueText, type Field } from './fields';
import { subjectOf, type Revision, type Snapshot } from './snapshot';

// CSV export (issue 24): one file per record kind, one row per revision (every create, revise, conflicting
// revision and void, in the store's order), codes with their labels beside them, and a data dictionary covering
// every column of every file. UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), as spreadsheets expect.

export type ExportFile = { name: string; contentType: string; content: Buffer };

const BOM = '\uFEFF';

type Column = {
  name: string;
  description: string;
  type: string;
  codes: string;
  value: (r: Revision) => string;
};

/** The columns every file starts with: which record, which revision, who, when, from which tablet, why. */
function revisionColumns(snapshot: Snapshot): Column[] {
  const column = (name: string, type: string, description: string, value: (r: Revision) => string) => ({
    name,
    type,
    description,
    codes: '',
    value,
  });
  return [
    column('seq', 'integer', 'Order of the revision in the central store (its log sequence number)', (r) =>
      String(r.seq),
    ),
    column('subject', 'text', 'Participant trial number (TRIAL for a record about the whole trial)', (r) =>
      subjectOf(snapshot, r),
    ),
    column('patient_id', 'text', 'Participant identifier (UUID) in the store', (r) => r.patientId ?? ''),
    column(
      'record_id',
      'text',
      'Record identifier (UUID): the same for every revision of a record',
      (r) => r.recordId,
    ),
    {
      ...column('op', 'text', 'What the revision did', (r) => r.op),
      codes: 'create=created; revise=revised; void=voided (kept, struck out)',
    },
    column('rev', 'integer', 'Revision number of the record (1 = created)', (r) => String(r.rev)),
    column('base_rev', 'integer', 'Revision this one was made from (empty for a creation)', (r) =>
      r.baseRev === null ? '' : String(r.baseRev),
    ),
    {
      ...column(
        'conflict',
        'boolean',
        'Made from the same revision as another one: kept as a conflict',
        (r) => String(r.conflict),
      ),
      codes: 'true; false',
    },
    column(
      'supersedes',
      'text',
      'Record this observation corrects (the old one is kept)',
      (r) => r.supersedes ?? '',
    ),
    column('mutation_id', 'text', 'Identifier of the change as the tablet sent it', (r) => r.mutationId),
    column(
      'at',
      'datetime',
      'When the change was made on the tablet (ISO-8601 with the offset)',
      (r) => r.at,
    ),
    column('received_at', 'datetime', 'When the central store received it (UTC)', (r) => r.receivedAt),
    column(
      'user_id',
      'text',
      'Account that made the change (from its sign-in, never from the tablet)',
      (r) => r.userId,
    ),
    column('user_name', 'text', 'Username of that account', (r) => r.userName),
    column('user_role', 'text', 'Role of that account', (r) => r.userRole),
    column('device_id', 'text', 'Tablet the change came from', (r) => r.deviceId),
    column('device_name', 'text', 'Name of that tablet', (r) => r.deviceName),
    column('reason', 'text', 'Reason given for the change (revisions and voids)', (r) => r.reason ?? ''),
  ];
}

function dataColumns(field: Field): Column[] {
  const codes = field.codes?.map((c) => `${c.code}=${c.labelFr}`).join('; ') ?? '';
  const constraints = [field.required ? 'required' : 'optional', field.constraints]
    .filter(Boolean)
    .join(', ');
  const main: Column = {
    name: field.name,
    type: field.type,
    description: `Record data: ${field.name} (${constraints})${field.type === 'json' ? ', as JSON' : ''}`,
    codes,
    value: (r) => valueText(field, valueAt(r.data, field.path)),
  };
  if (!isLabelled(field)) return [main];
  const label: Column = {
    name: `${field.name}_label`,
    type: 'text',
    description:
      field.lookup === 'ctcaeTerm'
        ? `CTCAE v5.0 term of ${field.name} (French working translation where one exists)`
        : `Label of the code in ${field.name} (French)`,
    codes: '',
    value: (r) => labelOf(field, valueAt(r.data, field.path)),
  };
  return [main, label];
}

/**
 * One cell: quoted when it holds a separator, a quote or a line break (RFC 4180). Text that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe (OWASP's CSV
 * injection advice); numbers are never text here, so a negative value is untouched.
 */
export function csvCell(value: string, type = 'text'): string {
  const safe = type === 'text' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvFile(name: string, header: readonly string[], rows: readonly string[][]): ExportFile {
  const lines = [header, ...rows].map((cells) => cells.join(','));
  return {
    name,
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8'),
  };
}

export const DICTIONARY_FILE = 'dictionary.csv';

export function buildCsvExport(snapshot: Snapshot): ExportFile[] {
  const files: ExportFile[] = [];
  const dictionary: string[][] = [];
  for (const meta of exportKinds()) {
    const columns = [...revisionColumns(snapshot), ...meta.fields.flatMap(dataColumns)];
    const name = `${meta.kind}.csv`;
    const rows = snapshot.revisions
      .filter((revision) => revision.kind === meta.kind)
      .map((revision) => columns.map((column) => csvCell(column.value(revision), column.type)));
    files.push(
      csvFile(
        name,
        columns.map((c) => csvCell(c.name)),
        rows,
      ),
    );
    for (const column of columns)
      dictionary.push(
        [name, column.name, column.type, column.description, column.codes].map((v) => csvCell(v)),
      );
  }
  files.push(csvFile(DICTIONARY_FILE, ['file', 'column', 'type', 'description', 'codes'], dictionary));
  return files;
}
