import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { AssessmentShell } from '@/features/visits';
import { visitIdSchema } from '@/schema/schedule';
import { emptyEq5d, Eq5dBody } from './Eq5dBody';
import { emptySf36, Sf36Body } from './Sf36Body';
import './questionnaires.css';
import '@/features/visits/messages';

export const QUESTIONNAIRES = {
  sf36: { body: Sf36Body, empty: emptySf36 },
  eq5d5l: { body: Eq5dBody, empty: emptyEq5d },
} as const;
export type Questionnaire = keyof typeof QUESTIONNAIRES;

/** The questionnaire of the current route (…/sf36 or …/eq5d5l), from its last path segment. */
export function questionnaireOf(pathname: string): Questionnaire | undefined {
  return pathname
    .split('/')
    .filter(Boolean)
    .find((segment): segment is Questionnaire => segment in QUESTIONNAIRES);
}

/** /participants/:participantId/visits/:visit/sf36 (or /eq5d5l) — staff view of a questionnaire. */
export default function QuestionnairePage() {
  const { t } = useTranslation();
  const { participantId = '', visit } = useParams();
  const { pathname } = useLocation();
  const questionnaire = questionnaireOf(pathname);
  const visitId = visitIdSchema.safeParse(visit);
  if (!questionnaire || !visitId.success) return <p role="alert">{t('notFound.title')}</p>;
  const spec = QUESTIONNAIRES[questionnaire];
  return (
    <AssessmentShell
      patientId={participantId}
      visit={visitId.data}
      form={questionnaire}
      empty={spec.empty}
      body={spec.body}
      actions={
        <p className="actions">
          <Link
            className="button-link"
            to={`${pathname.replace(/\/$/, '')}/patient`}
            data-testid="start-patient-mode"
          >
            {t('visits.patientMode.start')}
          </Link>
          <span className="muted">{t('visits.patientMode.startHint')}</span>
        </p>
      }
    />
  );
}
