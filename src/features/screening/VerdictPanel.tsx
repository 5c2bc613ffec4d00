import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { assessEligibility, nextInclusionSlot } from '@/domain';
import type { Participant } from '@/schema/participant';
import type { EligibilityRecord } from '@/schema/screening';
import { useWriteContext } from '@/session/session-store';
import { canSign } from '@/session/signature';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList, useRecordSignatures } from '@/session/SignatureList';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { dateTextFromIso, isoFromDateText } from '@/ui/date-time-entry';
import { useCohortState } from './queries';
import { refusalText } from './refusal-text';
import { includeParticipant, recordScreenFailure } from './screening-commands';
import { VerdictLine } from './EligibilityForm';

/**
 * The saved verdict, its signature by the physician ("I confirm the eligibility assessment"), and what it opens:
 * inclusion into the current cohort at its dose (eligible), or the screen failure with its reason (ineligible).
 */
export function VerdictPanel({
  participant,
  eligibility,
  today,
}: {
  participant: StoredRecord;
  eligibility: StoredRecord;
  today: string;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const data = eligibility.data as EligibilityRecord;
  const p = participant.data as Participant;
  const signatures = useRecordSignatures(eligibility);
  const signed = signatures?.some(
    (s) => s.validity === 'valid' && s.signature.meaning === 'eligibility-assessment',
  );
  const [signing, setSigning] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setSigning(false);
    signButton.current?.focus();
  }, []);
  const decided = p.cohort !== undefined || p.status === 'screen-failed';
  return (
    <section className="panel" aria-labelledby="verdict-title" data-testid="verdict-panel">
      <h2 id="verdict-title">{t('screening.verdict.title')}</h2>
      <VerdictLine assessment={assessEligibility(data.facts, data.screeningDate)} />
      <SignatureList record={eligibility} />
      {signatures && !signed && (
        <p className="pill pill-warn" data-testid="assessment-unsigned">
          {signatures.length > 0 ? t('screening.signatureInvalidated') : t('screening.unsigned')}
        </p>
      )}
      {canSign(ctx?.role, 'eligibility-assessment') &&
        !signed &&
        data.verdict !== 'incomplete' &&
        !decided && (
          <button
            type="button"
            ref={signButton}
            onClick={() => setSigning(true)}
            data-testid="sign-assessment"
          >
            {t('screening.sign')}
          </button>
        )}
      {signing && (
        <SignatureDialog
          recordId={eligibility.id}
          meaning="eligibility-assessment"
          onClose={close}
          onSigned={close}
        />
      )}
      {signed && data.verdict === 'eligible' && p.cohort === undefined && (
        <InclusionForm participant={participant} eligibility={data} today={today} />
      )}
      {signed && data.verdict === 'ineligible' && p.status !== 'screen-failed' && p.cohort === undefined && (
        <ScreenFailureForm participant={participant} eligibility={data} />
      )}
      {p.status === 'screen-failed' && (
        <p className="pill pill-danger" data-testid="screen-failed">
          {t('screening.failure.done', { reason: p.screenFailureReason ?? '' })}
        </p>
      )}
    </section>
  );
}

function InclusionForm({
  participant,
  eligibility,
  today,
}: {
  participant: StoredRecord;
  eligibility: EligibilityRecord;
  today: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const state = useCohortState();
  const [date, setDate] = useState(dateTextFromIso(today));
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!state || ctx?.role !== 'physician') return null;
  const slot = nextInclusionSlot(
    state.participants.filter((r) => r.id !== participant.id).map((r) => r.data as Participant),
    state.decisions,
  );
  const include = async () => {
    const iso = isoFromDateText(date);
    if (!iso) return setNotice({ tone: 'error', text: t('screening.dateInvalid') });
    const result = await includeParticipant(getDb(), ctx, {
      participantId: participant.id,
      inclusionDate: iso,
      reason: t('screening.include.reason'),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice(null);
  };
  void eligibility;
  return (
    <div className="inclusion" data-testid="inclusion">
      <h3>{t('screening.include.title')}</h3>
      {slot.ok ? (
        <p>
          {t('screening.include.slot', {
            cohort: slot.cohort,
            slot: slot.slot,
            size: slot.cohortSize,
            dose: slot.doseLevel,
          })}
        </p>
      ) : (
        <p className="pill pill-warn">
          {t(`screening.include.${slot.reason}`, 'cohort' in slot ? { cohort: slot.cohort } : {})}
        </p>
      )}
      <div className="field">
        <label htmlFor="inclusion-date">{t('screening.include.date')}</label>
        <input
          id="inclusion-date"
          inputMode="numeric"
          placeholder={t('screening.dateHint')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <FormNotice notice={notice} />
      {slot.ok && (
        <button type="button" onClick={() => void include()} data-testid="include">
          {t('screening.include.button', { cohort: slot.cohort, dose: slot.doseLevel })}
        </button>
      )}
    </div>
  );
}

function ScreenFailureForm({
  participant,
  eligibility,
}: {
  participant: StoredRecord;
  eligibility: EligibilityRecord;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const [text, setText] = useState(() =>
    eligibility.excludedBy.map((id) => t(`eligibility.criterion.${id}`)).join(' ; '),
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  if (ctx?.role !== 'physician') return null;
  const save = async () => {
    if (!text.trim()) return setNotice({ tone: 'error', text: t('form.reasonRequired') });
    const result = await recordScreenFailure(getDb(), ctx, {
      participantId: participant.id,
      failureReason: text.trim(),
      reason: t('screening.failure.reason'),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
  };
  return (
    <div data-testid="screen-failure">
      <h3>{t('screening.failure.title')}</h3>
      <div className="field">
        <label htmlFor="failure-reason">{t('screening.failure.reasonLabel')}</label>
        <textarea id="failure-reason" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <FormNotice notice={notice} />
      <button type="button" onClick={() => void save()} data-testid="record-failure">
        {t('screening.failure.button')}
      </button>
    </div>
  );
}
