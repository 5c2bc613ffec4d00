import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRole } from '@/session/session-store';
import { useOnline } from '@/ui/use-online';
import { downloadExport, type ExportApiOptions, type ExportFormat } from './export-api';
import './dsmb-messages';

const FORMATS: readonly ExportFormat[] = ['odm', 'csv'];

/** Saves a downloaded file under its name, through a temporary link (the browser's own download). */
function save(file: Blob, name: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The exports of the central store (issue 24): data managers and physicians, online. Each download is audited. */
export default function ExportsPage({
  api,
  onSave = save,
}: {
  api?: ExportApiOptions;
  onSave?: typeof save;
}) {
  const { t } = useTranslation();
  const role = useRole();
  const online = useOnline();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  if (role !== 'data-manager' && role !== 'physician') {
    return (
      <section>
        <h1>{t('review.exports.title')}</h1>
        <p role="alert">{t('review.exports.onlyReviewers')}</p>
      </section>
    );
  }

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const result = await downloadExport(format, api);
      if (result.ok) {
        onSave(result.file, result.name);
        setMessage({ tone: 'ok', text: t('review.exports.done', { name: result.name }) });
      } else setMessage({ tone: 'error', text: t(`review.exports.error.${result.error}`) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section data-testid="exports-page">
      <h1>{t('review.exports.title')}</h1>
      <p>{t('review.exports.intro')}</p>
      {!online && <p role="status">{t('review.exports.error.offline')}</p>}
      <ul className="export-list">
        {FORMATS.map((format) => (
          <li key={format}>
            <button
              type="button"
              disabled={!online || busy !== null}
              aria-busy={busy === format}
              onClick={() => void run(format)}
            >
              {t(`review.exports.${format}.button`)}
            </button>
            <p>{t(`review.exports.${format}.description`)}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/dsmb-report" data-testid="dsmb-report-link">
          {t('dsmb.link')}
        </Link>
      </p>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
