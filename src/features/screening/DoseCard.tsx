import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { computeDose } from '@/domain';
import { DOSE_LEVELS } from '@/domain/dosing/config';
import type { DoseLevel } from '@/schema/dosing';
import type { Participant } from '@/schema/participant';
import type { EligibilityRecord } from '@/schema/screening';
import { useWriteContext } from '@/session/session-store';
import { SignatureDialog } from '@/session/SignatureDialog';
import { useRecordSignatures } from '@/session/SignatureList';
import { parseDecimal } from '@/ui/format';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { useInfusionWeight, useParticipantHistory } from './queries';
import { refusalText } from './refusal-text';
import { changeDoseLevel } from './screening-commands';

/**
 * The dose card (computeDose): the weight (screening's until the infusion workflow measures it on the day: then
 * that one, db/infusion-weight), the
 * dose level, the cells to infuse, and the volume once the bag's content is typed. A change of dose level after
 * assignment takes a reason and the physician's signature, and shows in the history below.
 */
export function DoseCard({
  participant,
  eligibility,
}: {
  participant: StoredRecord;
  eligibility?: StoredRecord;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const p = participant.data as Participant;
  const facts = (eligibility?.data as EligibilityRecord | undefined)?.facts;
  const [bagCells, setBagCells] = useState('');
  const [bagVolume, setBagVolume] = useState('');
  const infusionWeight = useInfusionWeight(participant.id);
  if (p.doseLevel === undefined) return null;
  const weightKg = infusionWeight ? infusionWeight.weightKg : facts?.weightKg;
  const cells = parseDecimal(bagCells);
  const volume = parseDecimal(bagVolume);
  const product =
    cells !== undefined && volume !== undefined
      ? { totalViableCells: cells * 1e6, volumeMl: volume }
      : undefined;
  const dose = computeDose({
    weightKg: weightKg ?? NaN,
    doseLevel: p.doseLevel,
    ...(product ? { product } : {}),
  });
  return (
    <section className="panel dose-card" aria-labelledby="dose-title" data-testid="dose-card">
      <h2 id="dose-title">{t('screening.dose.title')}</h2>
      <p className="dose-level" data-testid="dose-level">
        {p.cohort !== undefined
          ? t('screening.dose.levelInCohort', { dose: p.doseLevel, cohort: p.cohort })
          : t('screening.dose.level', { dose: p.doseLevel })}
      </p>
      <p>
        {t('screening.dose.weight')} :{' '}
        <strong data-testid="dose-weight">
          {weightKg !== undefined ? `${format.number(weightKg)} kg` : '—'}
        </strong>
        <br />
        <small data-testid="dose-weight-from">
          {infusionWeight
            ? t('screening.dose.weightFromInfusion', { when: format.dateTime(infusionWeight.at) })
            : eligibility && weightKg !== undefined
              ? t('screening.dose.weightFrom', {
                  date: format.date(`${(eligibility.data as EligibilityRecord).screeningDate}T12:00:00`),
                })
              : t('screening.dose.weightNone')}
        </small>
      </p>
      {dose.status === 'complete' ? (
        <>
          <p className="dose-cells" data-testid="dose-cells">
            {t('screening.dose.cells', {
              cells: format.number(dose.cellsToInfuse, { maximumFractionDigits: 0 }),
            })}
          </p>
          {dose.volumeToInfuseMl !== undefined ? (
            <p data-testid="dose-volume">
              {t('screening.dose.volume', {
                volume: format.number(dose.volumeToInfuseMl, { maximumFractionDigits: 1 }),
              })}
            </p>
          ) : (
            <p className="muted">{t('screening.dose.volumeLater')}</p>
          )}
        </>
      ) : (
        <p className="field-error" data-testid="dose-refused">
          {t('screening.dose.refused', {
            reasons: dose.reasons
              .map((r) =>
                t(`screening.dose.refusal.${r.reason}`, { field: t(`screening.dose.field.${r.id}`, r.id) }),
              )
              .join(' ; '),
          })}
        </p>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="bag-cells">{t('screening.dose.bagCells')}</label>
          <span className="with-unit">
            <input
              id="bag-cells"
              inputMode="decimal"
              value={bagCells}
              onChange={(e) => setBagCells(e.target.value)}
            />
            <span className="unit">×10⁶</span>
          </span>
        </div>
        <div className="field">
          <label htmlFor="bag-volume">{t('screening.dose.bagVolume')}</label>
          <span className="with-unit">
            <input
              id="bag-volume"
              inputMode="decimal"
              value={bagVolume}
              onChange={(e) => setBagVolume(e.target.value)}
            />
            <span className="unit">mL</span>
          </span>
        </div>
      </div>
      <DoseLevelChange participant={participant} />
      <DoseHistory participant={participant} />
    </section>
  );
}

function DoseLevelChange({ participant }: { participant: StoredRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const p = participant.data as Participant;
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<DoseLevel | ''>('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [signing, setSigning] = useState(false);
  const close = useCallback(() => setSigning(false), []);
  const history = useParticipantHistory(participant.id);
  const signatures = useRecordSignatures(participant);
  // The last accepted revision that changed the dose level after it was first assigned.
  const accepted = history?.filter((r) => r.status !== 'rejected') ?? [];
  const lastChange = accepted
    .filter(
      (r, i) =>
        i > 0 &&
        accepted[i - 1]!.data.doseLevel !== undefined &&
        r.data.doseLevel !== accepted[i - 1]!.data.doseLevel,
    )
    .at(-1);
  const changeSigned =
    !lastChange ||
    signatures?.some(
      (s) => s.signature.meaning === 'dose-level-change' && s.signature.recordRev >= lastChange.rev,
    );
  if (ctx?.role !== 'physician' && !lastChange) return null;
  const save = async () => {
    if (!ctx || level === '') return;
    const result = await changeDoseLevel(getDb(), ctx, {
      participantId: participant.id,
      doseLevel: level,
      reason,
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice(null);
    setOpen(false);
    setSigning(true);
  };
  return (
    <div className="dose-change">
      {lastChange && !changeSigned && (
        <p className="pill pill-warn" data-testid="dose-change-unsigned">
          {t('screening.dose.changeUnsigned')}{' '}
          {ctx?.role === 'physician' && (
            <button type="button" className="secondary" onClick={() => setSigning(true)}>
              {t('signature.sign', t('screening.dose.changeSave'))}
            </button>
          )}
        </p>
      )}
      {lastChange && changeSigned && <p className="pill pill-ok">{t('screening.dose.changeSigned')}</p>}
      {ctx?.role === 'physician' && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('screening.dose.change')}
        </button>
      )}
      {open && (
        <div className="panel">
          <div className="field">
            <label htmlFor="dose-change-level">{t('screening.dose.changeTo')}</label>
            <select
              id="dose-change-level"
              value={level}
              onChange={(e) => setLevel(e.target.value ? (Number(e.target.value) as DoseLevel) : '')}
            >
              <option value="">—</option>
              {DOSE_LEVELS.filter((d) => d !== p.doseLevel).map((d) => (
                <option key={d} value={d}>
                  {d} ×10⁶/kg
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dose-change-reason">{t('screening.dose.changeReason')}</label>
            <input id="dose-change-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <FormNotice notice={notice} />
          <button type="button" disabled={level === ''} onClick={() => void save()}>
            {t('screening.dose.changeSave')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('form.cancel')}
          </button>
        </div>
      )}
      {signing && (
        <SignatureDialog
          recordId={participant.id}
          meaning="dose-level-change"
          onClose={close}
          onSigned={close}
        />
      )}
    </div>
  );
}

function DoseHistory({ participant }: { participant: StoredRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useParticipantHistory(participant.id);
  const lines = (history ?? []).filter(
    (r, i, all) =>
      r.status !== 'rejected' &&
      r.data.doseLevel !== undefined &&
      r.data.doseLevel !==
        all
          .slice(0, i)
          .filter((x) => x.status !== 'rejected')
          .at(-1)?.data.doseLevel,
  );
  if (lines.length === 0) return null;
  return (
    <div>
      <h3>{t('screening.dose.history')}</h3>
      <ul data-testid="dose-history">
        {lines.map((r) => (
          <li key={r.mutationId}>
            {t(r.reason ? 'screening.dose.historyLine' : 'screening.dose.historyFirst', {
              when: format.dateTime(r.at),
              dose: Number(r.data.doseLevel),
              reason: r.reason ?? '',
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
