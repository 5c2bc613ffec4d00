import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { assessmentFormSchema } from '@/schema/assessments';
import { visitIdSchema } from '@/schema/schedule';
import { AssessmentShell } from './AssessmentShell';
import { CLINICIAN_FORMS } from './forms/registry';
import './visits.css';
import './messages';

/** /participants/:participantId/visits/:visit/:form — one clinician form of one visit (e.g. …/M3/sledai). */
export default function VisitFormPage() {
  const { t } = useTranslation();
  const { participantId = '', visit, form } = useParams();
  const visitId = visitIdSchema.safeParse(visit);
  const formId = assessmentFormSchema.safeParse(form);
  const spec = formId.success ? CLINICIAN_FORMS[formId.data] : undefined;
  if (!visitId.success || !formId.success || !spec) return <p role="alert">{t('notFound.title')}</p>;
  return (
    <AssessmentShell
      patientId={participantId}
      visit={visitId.data}
      form={formId.data}
      empty={spec.empty}
      body={spec.body}
    />
  );
}
