import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SF36_SCALES } from '@/schema/instruments';
import { BILAG_TEXTS, lang, SDI_TEXTS, SLEDAI_TEXTS } from './instrument-texts';
import type { FormScore } from './visit-model';
import { SF36_ITEMS } from '@/features/questionnaires/texts';

/** A missing or invalid id from the core, in the person's words ("Arthrite", "question 12", "EVA"). */
export function missingLabel(t: TFunction, language: string, form: FormScore['form'], id: string): string {
  const l = lang(language);
  if (form === 'sledai' && id in SLEDAI_TEXTS) return SLEDAI_TEXTS[id as keyof typeof SLEDAI_TEXTS].name[l];
  if (form === 'bilag' && id in BILAG_TEXTS) return BILAG_TEXTS[id as keyof typeof BILAG_TEXTS].name[l];
  if (form === 'sdi' && id in SDI_TEXTS) return SDI_TEXTS[id as keyof typeof SDI_TEXTS][l];
  if (form === 'sf36') {
    const item = /^item(\d+)$/.exec(id);
    if (item) return t('visits.sf36Item', { n: item[1] });
    if ((SF36_SCALES as readonly string[]).includes(id)) return t(`visits.sf36Scale.${id}`);
  }
  if (form === 'eq5d5l') return id === 'vas' ? t('visits.vas') : t(`visits.eq5dDimension.${id}`);
  if (form === 'biology') return t(`visits.biology.lab.${id}`);
  if (form === 'pga') return 'PGA';
  return t(`visits.form.${form}`);
}

/**
 * The SF-36's unanswered questions in the questionnaire's order and numbering (item 23 is "9a"), runs of three or
 * more as a span: "questions 1, 3a–9i". The core names them scale by scale, by item number, which read "question
 * 3, …, question 1, question 33" beside a form that numbers them "9a".
 */
export function sf36MissingText(t: TFunction, ids: readonly string[]): string {
  const missing = new Set(ids.flatMap((id) => (/^item(\d+)$/.exec(id) ? [Number(id.slice(4))] : [])));
  const items = SF36_ITEMS.filter((item) => missing.has(item.number));
  const parts: string[] = [];
  for (let i = 0; i < items.length;) {
    let j = i;
    while (j + 1 < items.length && items[j + 1]!.number === items[j]!.number + 1) j++;
    if (j - i >= 2) parts.push(`${items[i]!.label}–${items[j]!.label}`);
    else for (let k = i; k <= j; k++) parts.push(items[k]!.label);
    i = j + 1;
  }
  return t('visits.sf36Items', { count: items.length, list: parts.join(', ') });
}

const format = (language: string, value: number, digits = 1) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);

/**
 * The form's score as the core computes it from what is entered now — or, until the sheet is complete, which
 * items are missing, never a partial number that could be read as the score.
 */
export function RunningScore({ score }: { score: FormScore }) {
  const { t, i18n } = useTranslation();
  const { result } = score;
  const language = i18n.language;
  if (result.status === 'incomplete') {
    // SF-36 names a scale and then its blank items: the items say it all.
    const ids = score.form === 'sf36' ? result.missing.filter((id) => id.startsWith('item')) : result.missing;
    const items =
      score.form === 'sf36' && ids.length > 0
        ? [sf36MissingText(t, ids)]
        : (ids.length ? ids : result.missing).map((id) => missingLabel(t, language, score.form, id));
    return (
      <p
        className="running-score incomplete"
        role="status"
        data-testid="running-score"
        data-status="incomplete"
      >
        <span className="pill pill-warn">{t('visits.score.label')}</span>{' '}
        {t('visits.score.incomplete', { items: items.join(', ') })}
      </p>
    );
  }
  let text: string;
  let detail: React.ReactNode = null;
  switch (score.form) {
    case 'sledai':
      text = t('visits.score.sledai', { total: score.result.status === 'complete' ? score.result.total : 0 });
      break;
    case 'bilag': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.bilag', { numeric: r.numeric, countA: r.countA, countB: r.countB });
      break;
    }
    case 'pga': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.pga', { value: format(language, r.value) });
      break;
    }
    case 'sdi': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.sdi', { total: r.total });
      break;
    }
    case 'sf36': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.sf36');
      detail = (
        <span className="sf36-scales" data-testid="sf36-scales">
          {SF36_SCALES.map((scale) => (
            <span key={scale} className="pill" data-scale={scale}>
              {t(`visits.sf36Scale.${scale}`)} {format(language, r[scale])}
            </span>
          ))}
        </span>
      );
      break;
    }
    case 'eq5d5l': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.eq5d5l', {
        profile: r.profile,
        levelSum: r.levelSum,
        index: format(language, r.indexFR, 3),
        vas: r.vas ?? '—',
      });
      break;
    }
    case 'prednisone': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.prednisone', { mg: format(language, r.mgPerDay, 2) });
      break;
    }
    case 'toleranceReview': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.toleranceReview', {
        answer: r.newAdverseEvents ? t('visits.yes') : t('visits.no'),
      });
      break;
    }
    case 'treatmentFailure': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.treatmentFailure', { count: r.entries });
      break;
    }
    case 'biology': {
      const r = score.result as Extract<typeof score.result, { status: 'complete' }>;
      text = t('visits.score.biology', { measured: r.measured });
      break;
    }
  }
  return (
    <p className="running-score" role="status" data-testid="running-score" data-status="complete">
      <span className="pill pill-ok">{t('visits.score.label')}</span> <strong>{text}</strong> {detail}
    </p>
  );
}
