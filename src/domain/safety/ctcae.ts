import type { AdverseEventTerm } from '@/schema/adverse-events';
import { availableGrades, CTCAE_VERSION, type CtcaeGrade, type GradeTexts } from './ctcae-grades';
import type { Lang } from './lang';

// The CTCAE v5.0 terms graded at the bedside: the solicited checklists of infusion-and-monitoring.md ("Solicited
// CTCAE terms") and ctcae.md. Small on purpose, so the infusion and monitoring screens do not load the full
// catalogue (ctcae-catalogue.ts).
//
// English = NCI's exact wording, copied from the NCI v5.0 spreadsheet (shared/clinical/data/ctcae-v5.0.csv, NCI
// CTCAE v5.0, 27 Nov 2017); a test checks every text against the generated catalogue. Term by term, the texts were
// also compared with an independent export of NCI's v5.0 file (github.com/oncohub/CTCAE5, ctcaev5.js): all 34
// identical, except that that export shows "≥" where NCI's spreadsheet (and our CSV) writes ">=" (Cytokine release
// syndrome grade 3, Hypertension grade 1). NCI's own PDF/Excel (ctep.cancer.gov) was not reachable through the
// search tool, hence that independent copy. French = the trial team's working translation, to be reviewed by the
// investigators; LIN/LSN = limite inférieure/supérieure de la normale.

const grades = (
  g1: string | null,
  g2: string | null,
  g3: string | null,
  g4: string | null,
  g5: string | null,
): GradeTexts => ({ 1: g1, 2: g2, 3: g3, 4: g4, 5: g5 });

/** The two solicited checklists: during and after the infusion, and the day 1–10 checks. */
export type MonitoringPhase = 'infusion' | 'days1to10';

type BedsideTermData = {
  /** Stable id used by checklists and screens; lab terms share their id with gradeLab's LabTerm. */
  id: string;
  meddraCode: number;
  /** MedDRA SOC, English as in NCI's file (soc.ts gives the French name). */
  soc: string;
  /** On the checklist from the infusion onwards, or only from day 1 (infusion-and-monitoring.md). */
  from: MonitoringPhase;
  /** Graded automatically from a laboratory value (labs.ts), then confirmed by a person. */
  lab?: true;
  en: { term: string; grades: GradeTexts };
  fr: { term: string; grades: GradeTexts };
};

export const BEDSIDE_TERMS = [
  {
    id: 'infusionRelatedReaction',
    meddraCode: 10051792,
    soc: 'Injury, poisoning and procedural complications',
    from: 'infusion',
    en: {
      term: 'Infusion related reaction',
      grades: grades(
        'Mild transient reaction; infusion interruption not indicated; intervention not indicated',
        'Therapy or infusion interruption indicated but responds promptly to symptomatic treatment (e.g., antihistamines, NSAIDS, narcotics, IV fluids); prophylactic medications indicated for <=24 hrs',
        'Prolonged (e.g., not rapidly responsive to symptomatic medication and/or brief interruption of infusion); recurrence of symptoms following initial improvement; hospitalization indicated for clinical sequelae',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Réaction liée à la perfusion',
      grades: grades(
        'Réaction transitoire légère ; interruption de la perfusion non indiquée ; intervention non indiquée',
        'Interruption du traitement ou de la perfusion indiquée, mais réponse rapide au traitement symptomatique (p. ex. antihistaminiques, AINS, opioïdes, solutés IV) ; traitement prophylactique indiqué pendant ≤ 24 h',
        'Prolongée (p. ex. ne répondant pas rapidement au traitement symptomatique et/ou à une brève interruption de la perfusion) ; réapparition des symptômes après une amélioration initiale ; hospitalisation indiquée pour les séquelles cliniques',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'allergicReaction',
    meddraCode: 10001718,
    soc: 'Immune system disorders',
    from: 'infusion',
    en: {
      term: 'Allergic reaction',
      grades: grades(
        'Systemic intervention not indicated',
        'Oral intervention indicated',
        'Bronchospasm; hospitalization indicated for clinical sequelae; intravenous intervention indicated',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Réaction allergique',
      grades: grades(
        'Intervention systémique non indiquée',
        'Intervention par voie orale indiquée',
        'Bronchospasme ; hospitalisation indiquée pour les séquelles cliniques ; intervention par voie intraveineuse indiquée',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'anaphylaxis',
    meddraCode: 10002218,
    soc: 'Immune system disorders',
    from: 'infusion',
    en: {
      term: 'Anaphylaxis',
      grades: grades(
        null,
        null,
        'Symptomatic bronchospasm, with or without urticaria; parenteral intervention indicated; allergy-related edema/angioedema; hypotension',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Anaphylaxie',
      grades: grades(
        null,
        null,
        "Bronchospasme symptomatique, avec ou sans urticaire ; intervention parentérale indiquée ; œdème/angio-œdème d'origine allergique ; hypotension",
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'cytokineReleaseSyndrome',
    meddraCode: 10052015,
    soc: 'Immune system disorders',
    from: 'infusion',
    en: {
      term: 'Cytokine release syndrome',
      grades: grades(
        'Fever with or without constitutional symptoms',
        'Hypotension responding to fluids; hypoxia responding to <40% O2',
        'Hypotension managed with one pressor; hypoxia requiring >=40% O2',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Syndrome de relargage cytokinique',
      grades: grades(
        'Fièvre avec ou sans symptômes généraux',
        'Hypotension répondant au remplissage ; hypoxie répondant à une FiO₂ < 40 %',
        'Hypotension traitée par un vasopresseur ; hypoxie nécessitant une FiO₂ ≥ 40 %',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'fever',
    meddraCode: 10016558,
    soc: 'General disorders and administration site conditions',
    from: 'infusion',
    en: {
      term: 'Fever',
      grades: grades(
        '38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)',
        '>39.0 - 40.0 degrees C (102.3 - 104.0 degrees F)',
        '>40.0 degrees C (>104.0 degrees F) for <=24 hrs',
        '>40.0 degrees C (>104.0 degrees F) for >24 hrs',
        'Death',
      ),
    },
    fr: {
      term: 'Fièvre',
      grades: grades(
        '38,0 – 39,0 °C (100,4 – 102,2 °F)',
        '> 39,0 – 40,0 °C (102,3 – 104,0 °F)',
        '> 40,0 °C (> 104,0 °F) pendant ≤ 24 h',
        '> 40,0 °C (> 104,0 °F) pendant > 24 h',
        'Décès',
      ),
    },
  },
  {
    id: 'chills',
    meddraCode: 10008531,
    soc: 'General disorders and administration site conditions',
    from: 'infusion',
    en: {
      term: 'Chills',
      grades: grades(
        'Mild sensation of cold; shivering; chattering of teeth',
        'Moderate tremor of the entire body; narcotics indicated',
        'Severe or prolonged, not responsive to narcotics',
        null,
        null,
      ),
    },
    fr: {
      term: 'Frissons',
      grades: grades(
        'Légère sensation de froid ; tremblements ; claquements de dents',
        'Tremblements modérés de tout le corps ; opioïdes indiqués',
        'Sévères ou prolongés, ne répondant pas aux opioïdes',
        null,
        null,
      ),
    },
  },
  {
    id: 'hypotension',
    meddraCode: 10021097,
    soc: 'Vascular disorders',
    from: 'infusion',
    en: {
      term: 'Hypotension',
      grades: grades(
        'Asymptomatic, intervention not indicated',
        'Non-urgent medical intervention indicated',
        'Medical intervention indicated; hospitalization indicated',
        'Life-threatening consequences and urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Hypotension',
      grades: grades(
        'Asymptomatique, intervention non indiquée',
        'Intervention médicale non urgente indiquée',
        'Intervention médicale indiquée ; hospitalisation indiquée',
        'Conséquences mettant en jeu le pronostic vital et intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'hypertension',
    meddraCode: 10020772,
    soc: 'Vascular disorders',
    from: 'infusion',
    en: {
      term: 'Hypertension',
      grades: grades(
        'Adult: Systolic BP 120 - 139 mm Hg or diastolic BP 80 - 89 mm Hg;\n\nPediatric: Systolic/diastolic BP >90th percentile but< 95th percentile;\n\nAdolescent: BP >=120/80 even if < 95th percentile',
        'Adult: Systolic BP 140 - 159 mm Hg or diastolic BP 90 - 99 mm Hg if previously WNL; change in baseline medical intervention indicated; recurrent or persistent (>=24 hrs); symptomatic increase by >20 mm Hg (diastolic) or to >140/90 mm Hg; monotherapy indicated initiated;\n\nPediatric and adolescent: Recurrent or persistent (>=24 hrs) BP >ULN; monotherapy indicated; systolic and /or diastolic BP between the 95th percentile and 5 mmHg above the 99th percentile;\n\nAdolescent: Systolic between 130-139 or diastolic between 80-89 even if < 95th percentile',
        'Adult: Systolic BP >=160 mm Hg or diastolic BP >=100 mm Hg; medical intervention indicated; more than one drug or more intensive therapy than previously used indicated;\n\nPediatric and adolescent: Systolic and/or diastolic > 5 mmHg above the 99th percentile',
        'Adult and Pediatric: Life-threatening consequences (e.g., malignant hypertension, transient or permanent neurologic deficit, hypertensive crisis); urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Hypertension artérielle',
      grades: grades(
        'Adulte : PA systolique 120 – 139 mm Hg ou PA diastolique 80 – 89 mm Hg ;\n\nPédiatrie : PA systolique/diastolique > 90e percentile mais < 95e percentile ;\n\nAdolescent : PA ≥ 120/80 même si < 95e percentile',
        "Adulte : PA systolique 140 – 159 mm Hg ou PA diastolique 90 – 99 mm Hg si auparavant normale ; modification du traitement de fond indiquée ; récurrente ou persistante (≥ 24 h) ; augmentation symptomatique de > 20 mm Hg (diastolique) ou jusqu'à > 140/90 mm Hg ; monothérapie indiquée, instaurée ;\n\nPédiatrie et adolescent : PA > LSN récurrente ou persistante (≥ 24 h) ; monothérapie indiquée ; PA systolique et/ou diastolique entre le 95e percentile et 5 mm Hg au-dessus du 99e percentile ;\n\nAdolescent : systolique entre 130 et 139 ou diastolique entre 80 et 89 même si < 95e percentile",
        "Adulte : PA systolique ≥ 160 mm Hg ou PA diastolique ≥ 100 mm Hg ; intervention médicale indiquée ; plus d'un médicament ou traitement plus intensif qu'auparavant indiqué ;\n\nPédiatrie et adolescent : PA systolique et/ou diastolique > 5 mm Hg au-dessus du 99e percentile",
        'Adulte et pédiatrie : conséquences mettant en jeu le pronostic vital (p. ex. hypertension maligne, déficit neurologique transitoire ou permanent, crise hypertensive) ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'sinusTachycardia',
    meddraCode: 10040752,
    soc: 'Cardiac disorders',
    from: 'infusion',
    en: {
      term: 'Sinus tachycardia',
      grades: grades(
        'Asymptomatic, intervention not indicated',
        'Symptomatic; non-urgent medical intervention indicated',
        'Urgent medical intervention indicated',
        null,
        null,
      ),
    },
    fr: {
      term: 'Tachycardie sinusale',
      grades: grades(
        'Asymptomatique, intervention non indiquée',
        'Symptomatique ; intervention médicale non urgente indiquée',
        'Intervention médicale urgente indiquée',
        null,
        null,
      ),
    },
  },
  {
    id: 'sinusBradycardia',
    meddraCode: 10040741,
    soc: 'Cardiac disorders',
    from: 'infusion',
    en: {
      term: 'Sinus bradycardia',
      grades: grades(
        'Asymptomatic, intervention not indicated',
        'Symptomatic, intervention not indicated; change in medication initiated',
        'Symptomatic, intervention indicated',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Bradycardie sinusale',
      grades: grades(
        'Asymptomatique, intervention non indiquée',
        'Symptomatique, intervention non indiquée ; modification du traitement médicamenteux instaurée',
        'Symptomatique, intervention indiquée',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'dyspnea',
    meddraCode: 10013963,
    soc: 'Respiratory, thoracic and mediastinal disorders',
    from: 'infusion',
    en: {
      term: 'Dyspnea',
      grades: grades(
        'Shortness of breath with moderate exertion',
        'Shortness of breath with minimal exertion; limiting instrumental ADL',
        'Shortness of breath at rest; limiting self care ADL',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Dyspnée',
      grades: grades(
        "Essoufflement à l'effort modéré",
        'Essoufflement au moindre effort ; limitant les activités instrumentales de la vie quotidienne',
        'Essoufflement au repos ; limitant les activités élémentaires de la vie quotidienne',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'hypoxia',
    meddraCode: 10021143,
    soc: 'Respiratory, thoracic and mediastinal disorders',
    from: 'infusion',
    en: {
      term: 'Hypoxia',
      grades: grades(
        null,
        'Decreased oxygen saturation with exercise (e.g., pulse oximeter <88%); intermittent supplemental oxygen',
        'Decreased oxygen saturation at rest (e.g., pulse oximeter <88% or PaO2 <=55 mm Hg)',
        'Life-threatening airway compromise; urgent intervention indicated (e.g., tracheotomy or intubation)',
        'Death',
      ),
    },
    fr: {
      term: 'Hypoxie',
      grades: grades(
        null,
        "Diminution de la saturation en oxygène à l'effort (p. ex. oxymètre de pouls < 88 %) ; oxygénothérapie intermittente",
        'Diminution de la saturation en oxygène au repos (p. ex. oxymètre de pouls < 88 % ou PaO₂ ≤ 55 mm Hg)',
        'Atteinte des voies aériennes mettant en jeu le pronostic vital ; intervention urgente indiquée (p. ex. trachéotomie ou intubation)',
        'Décès',
      ),
    },
  },
  {
    id: 'cough',
    meddraCode: 10011224,
    soc: 'Respiratory, thoracic and mediastinal disorders',
    from: 'infusion',
    en: {
      term: 'Cough',
      grades: grades(
        'Mild symptoms; nonprescription intervention indicated',
        'Moderate symptoms, medical intervention indicated; limiting instrumental ADL',
        'Severe symptoms; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Toux',
      grades: grades(
        'Symptômes légers ; traitement sans ordonnance indiqué',
        'Symptômes modérés, intervention médicale indiquée ; limitant les activités instrumentales de la vie quotidienne',
        'Symptômes sévères ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'bronchospasm',
    meddraCode: 10006482,
    soc: 'Respiratory, thoracic and mediastinal disorders',
    from: 'infusion',
    en: {
      term: 'Bronchospasm',
      grades: grades(
        'Mild symptoms; intervention not indicated',
        'Symptomatic; medical intervention indicated; limiting instrumental ADL',
        'Limiting self care ADL; supplemental oxygen indicated',
        'Life-threatening respiratory or hemodynamic compromise; intubation or urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Bronchospasme',
      grades: grades(
        'Symptômes légers ; intervention non indiquée',
        'Symptomatique ; intervention médicale indiquée ; limitant les activités instrumentales de la vie quotidienne',
        'Limitant les activités élémentaires de la vie quotidienne ; oxygénothérapie indiquée',
        'Atteinte respiratoire ou hémodynamique mettant en jeu le pronostic vital ; intubation ou intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'headache',
    meddraCode: 10019211,
    soc: 'Nervous system disorders',
    from: 'infusion',
    en: {
      term: 'Headache',
      grades: grades(
        'Mild pain',
        'Moderate pain; limiting instrumental ADL',
        'Severe pain; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Céphalées',
      grades: grades(
        'Douleur légère',
        'Douleur modérée ; limitant les activités instrumentales de la vie quotidienne',
        'Douleur sévère ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'dizziness',
    meddraCode: 10013573,
    soc: 'Nervous system disorders',
    from: 'infusion',
    en: {
      term: 'Dizziness',
      grades: grades(
        'Mild unsteadiness or sensation of movement',
        'Moderate unsteadiness or sensation of movement; limiting instrumental ADL',
        'Severe unsteadiness or sensation of movement; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Sensations vertigineuses',
      grades: grades(
        'Instabilité ou sensation de mouvement légère',
        'Instabilité ou sensation de mouvement modérée ; limitant les activités instrumentales de la vie quotidienne',
        'Instabilité ou sensation de mouvement sévère ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'nausea',
    meddraCode: 10028813,
    soc: 'Gastrointestinal disorders',
    from: 'infusion',
    en: {
      term: 'Nausea',
      grades: grades(
        'Loss of appetite without alteration in eating habits',
        'Oral intake decreased without significant weight loss, dehydration or malnutrition',
        'Inadequate oral caloric or fluid intake; tube feeding, TPN, or hospitalization indicated',
        null,
        null,
      ),
    },
    fr: {
      term: 'Nausées',
      grades: grades(
        "Perte d'appétit sans modification des habitudes alimentaires",
        'Diminution des apports oraux sans perte de poids significative, déshydratation ni dénutrition',
        'Apports oraux caloriques ou hydriques insuffisants ; alimentation par sonde, nutrition parentérale ou hospitalisation indiquée',
        null,
        null,
      ),
    },
  },
  {
    id: 'vomiting',
    meddraCode: 10047700,
    soc: 'Gastrointestinal disorders',
    from: 'infusion',
    en: {
      term: 'Vomiting',
      grades: grades(
        'Intervention not indicated',
        'Outpatient IV hydration; medical intervention indicated',
        'Tube feeding, TPN, or hospitalization indicated',
        'Life-threatening consequences',
        'Death',
      ),
    },
    fr: {
      term: 'Vomissements',
      grades: grades(
        'Intervention non indiquée',
        'Hydratation IV en ambulatoire ; intervention médicale indiquée',
        'Alimentation par sonde, nutrition parentérale ou hospitalisation indiquée',
        'Conséquences mettant en jeu le pronostic vital',
        'Décès',
      ),
    },
  },
  {
    id: 'rashMaculoPapular',
    meddraCode: 10037868,
    soc: 'Skin and subcutaneous tissue disorders',
    from: 'infusion',
    en: {
      term: 'Rash maculo-papular',
      grades: grades(
        'Macules/papules covering <10% BSA with or without symptoms (e.g., pruritus, burning, tightness)',
        'Macules/papules covering 10 - 30% BSA with or without symptoms (e.g., pruritus, burning, tightness); limiting instrumental ADL; rash covering > 30% BSA with or without mild symptoms',
        'Macules/papules covering >30% BSA with moderate or severe symptoms; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Éruption maculopapuleuse',
      grades: grades(
        'Macules/papules couvrant < 10 % de la surface corporelle, avec ou sans symptômes (p. ex. prurit, brûlure, tiraillement)',
        'Macules/papules couvrant 10 – 30 % de la surface corporelle, avec ou sans symptômes (p. ex. prurit, brûlure, tiraillement) ; limitant les activités instrumentales de la vie quotidienne ; éruption couvrant > 30 % de la surface corporelle avec ou sans symptômes légers',
        'Macules/papules couvrant > 30 % de la surface corporelle avec symptômes modérés ou sévères ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'urticaria',
    meddraCode: 10046735,
    soc: 'Skin and subcutaneous tissue disorders',
    from: 'infusion',
    en: {
      term: 'Urticaria',
      grades: grades(
        'Urticarial lesions covering <10% BSA; topical intervention indicated',
        'Urticarial lesions covering 10 - 30% BSA; oral intervention indicated',
        'Urticarial lesions covering >30% BSA; IV intervention indicated',
        null,
        null,
      ),
    },
    fr: {
      term: 'Urticaire',
      grades: grades(
        'Lésions urticariennes couvrant < 10 % de la surface corporelle ; traitement local indiqué',
        'Lésions urticariennes couvrant 10 – 30 % de la surface corporelle ; traitement par voie orale indiqué',
        'Lésions urticariennes couvrant > 30 % de la surface corporelle ; traitement par voie IV indiqué',
        null,
        null,
      ),
    },
  },
  {
    id: 'pruritus',
    meddraCode: 10037087,
    soc: 'Skin and subcutaneous tissue disorders',
    from: 'infusion',
    en: {
      term: 'Pruritus',
      grades: grades(
        'Mild or localized; topical intervention indicated',
        'Widespread and intermittent; skin changes from scratching (e.g., edema, papulation, excoriations, lichenification, oozing/crusts); oral intervention indicated; limiting instrumental ADL',
        'Widespread and constant; limiting self care ADL or sleep; systemic corticosteroid or immunosuppressive therapy indicated',
        null,
        null,
      ),
    },
    fr: {
      term: 'Prurit',
      grades: grades(
        'Léger ou localisé ; traitement local indiqué',
        'Étendu et intermittent ; lésions cutanées de grattage (p. ex. œdème, papules, excoriations, lichénification, suintement/croûtes) ; traitement par voie orale indiqué ; limitant les activités instrumentales de la vie quotidienne',
        'Étendu et permanent ; limitant les activités élémentaires de la vie quotidienne ou le sommeil ; corticothérapie systémique ou traitement immunosuppresseur indiqué',
        null,
        null,
      ),
    },
  },
  {
    id: 'flushing',
    meddraCode: 10016825,
    soc: 'Vascular disorders',
    from: 'infusion',
    en: {
      term: 'Flushing',
      grades: grades(
        'Asymptomatic; clinical or diagnostic observations only',
        'Moderate symptoms; limiting instrumental ADL',
        'Symptomatic, associated with hypotension and/or tachycardia; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Bouffées vasomotrices',
      grades: grades(
        'Asymptomatique ; observations cliniques ou diagnostiques uniquement',
        'Symptômes modérés ; limitant les activités instrumentales de la vie quotidienne',
        'Symptomatique, associé à une hypotension et/ou une tachycardie ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'fatigue',
    meddraCode: 10016256,
    soc: 'General disorders and administration site conditions',
    from: 'infusion',
    en: {
      term: 'Fatigue',
      grades: grades(
        'Fatigue relieved by rest',
        'Fatigue not relieved by rest; limiting instrumental ADL',
        'Fatigue not relieved by rest, limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Fatigue',
      grades: grades(
        'Fatigue soulagée par le repos',
        'Fatigue non soulagée par le repos ; limitant les activités instrumentales de la vie quotidienne',
        'Fatigue non soulagée par le repos, limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'injectionSiteReaction',
    meddraCode: 10022095,
    soc: 'General disorders and administration site conditions',
    from: 'infusion',
    en: {
      term: 'Injection site reaction',
      grades: grades(
        'Tenderness with or without associated symptoms (e.g., warmth, erythema, itching)',
        'Pain; lipodystrophy; edema; phlebitis',
        'Ulceration or necrosis; severe tissue damage; operative intervention indicated',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: "Réaction au site d'injection",
      grades: grades(
        'Sensibilité avec ou sans symptômes associés (p. ex. chaleur, érythème, démangeaisons)',
        'Douleur ; lipodystrophie ; œdème ; phlébite',
        'Ulcération ou nécrose ; lésions tissulaires sévères ; intervention chirurgicale indiquée',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'thromboembolicEvent',
    meddraCode: 10043565,
    soc: 'Vascular disorders',
    // An embolism of cell aggregates is the feared early event of an intravenous cell product: asked from the
    // start of the infusion (infusion-and-monitoring.md; an earlier version asked it from day 1 only).
    from: 'infusion',
    en: {
      term: 'Thromboembolic event',
      grades: grades(
        'Medical intervention not indicated (e.g., superficial thrombosis)',
        'Medical intervention indicated',
        'Urgent medical intervention indicated (e.g., pulmonary embolism or intracardiac thrombus)',
        'Life-threatening consequences with hemodynamic or neurologic instability',
        'Death',
      ),
    },
    fr: {
      term: 'Événement thromboembolique',
      grades: grades(
        'Intervention médicale non indiquée (p. ex. thrombose superficielle)',
        'Intervention médicale indiquée',
        'Intervention médicale urgente indiquée (p. ex. embolie pulmonaire ou thrombus intracardiaque)',
        'Conséquences mettant en jeu le pronostic vital avec instabilité hémodynamique ou neurologique',
        'Décès',
      ),
    },
  },
  {
    id: 'diarrhea',
    meddraCode: 10012727,
    soc: 'Gastrointestinal disorders',
    from: 'days1to10',
    en: {
      term: 'Diarrhea',
      grades: grades(
        'Increase of <4 stools per day over baseline; mild increase in ostomy output compared to baseline',
        'Increase of 4 - 6 stools per day over baseline; moderate increase in ostomy output compared to baseline; limiting instrumental ADL',
        'Increase of >=7 stools per day over baseline; hospitalization indicated; severe increase in ostomy output compared to baseline; limiting self care ADL',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Diarrhée',
      grades: grades(
        "Augmentation de < 4 selles par jour par rapport à l'état initial ; légère augmentation du débit de stomie par rapport à l'état initial",
        "Augmentation de 4 – 6 selles par jour par rapport à l'état initial ; augmentation modérée du débit de stomie par rapport à l'état initial ; limitant les activités instrumentales de la vie quotidienne",
        "Augmentation de ≥ 7 selles par jour par rapport à l'état initial ; hospitalisation indiquée ; augmentation sévère du débit de stomie par rapport à l'état initial ; limitant les activités élémentaires de la vie quotidienne",
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'abdominalPain',
    meddraCode: 10000081,
    soc: 'Gastrointestinal disorders',
    from: 'days1to10',
    en: {
      term: 'Abdominal pain',
      grades: grades(
        'Mild pain',
        'Moderate pain; limiting instrumental ADL',
        'Severe pain; limiting self care ADL',
        null,
        null,
      ),
    },
    fr: {
      term: 'Douleur abdominale',
      grades: grades(
        'Douleur légère',
        'Douleur modérée ; limitant les activités instrumentales de la vie quotidienne',
        'Douleur sévère ; limitant les activités élémentaires de la vie quotidienne',
        null,
        null,
      ),
    },
  },
  {
    id: 'anemia',
    meddraCode: 10002272,
    soc: 'Blood and lymphatic system disorders',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Anemia',
      grades: grades(
        'Hemoglobin (Hgb) <LLN - 10.0 g/dL; <LLN - 6.2 mmol/L; <LLN - 100 g/L',
        'Hgb <10.0 - 8.0 g/dL; <6.2 - 4.9 mmol/L; <100 - 80g/L',
        'Hgb <8.0 g/dL; <4.9 mmol/L; <80 g/L; transfusion indicated',
        'Life-threatening consequences; urgent intervention indicated',
        'Death',
      ),
    },
    fr: {
      term: 'Anémie',
      grades: grades(
        'Hémoglobine (Hb) < LIN – 10,0 g/dL ; < LIN – 6,2 mmol/L ; < LIN – 100 g/L',
        'Hb < 10,0 – 8,0 g/dL ; < 6,2 – 4,9 mmol/L ; < 100 – 80 g/L',
        'Hb < 8,0 g/dL ; < 4,9 mmol/L ; < 80 g/L ; transfusion indiquée',
        'Conséquences mettant en jeu le pronostic vital ; intervention urgente indiquée',
        'Décès',
      ),
    },
  },
  {
    id: 'neutrophilCountDecreased',
    meddraCode: 10029366,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Neutrophil count decreased',
      grades: grades(
        '<LLN - 1500/mm3; <LLN - 1.5 x 10e9 /L',
        '<1500 - 1000/mm3; <1.5 - 1.0 x 10e9 /L',
        '<1000 - 500/mm3; <1.0 - 0.5 x 10e9 /L',
        '<500/mm3; <0.5 x 10e9 /L',
        null,
      ),
    },
    fr: {
      term: 'Diminution du nombre de neutrophiles',
      grades: grades(
        '< LIN – 1 500/mm³ ; < LIN – 1,5 × 10⁹/L',
        '< 1 500 – 1 000/mm³ ; < 1,5 – 1,0 × 10⁹/L',
        '< 1 000 – 500/mm³ ; < 1,0 – 0,5 × 10⁹/L',
        '< 500/mm³ ; < 0,5 × 10⁹/L',
        null,
      ),
    },
  },
  {
    id: 'plateletCountDecreased',
    meddraCode: 10035528,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Platelet count decreased',
      grades: grades(
        '<LLN - 75,000/mm3; <LLN - 75.0 x 10e9 /L',
        '<75,000 - 50,000/mm3; <75.0 - 50.0 x 10e9 /L',
        '<50,000 - 25,000/mm3; <50.0 - 25.0 x 10e9 /L',
        '<25,000/mm3; <25.0 x 10e9 /L',
        null,
      ),
    },
    fr: {
      term: 'Diminution du nombre de plaquettes',
      grades: grades(
        '< LIN – 75 000/mm³ ; < LIN – 75,0 × 10⁹/L',
        '< 75 000 – 50 000/mm³ ; < 75,0 – 50,0 × 10⁹/L',
        '< 50 000 – 25 000/mm³ ; < 50,0 – 25,0 × 10⁹/L',
        '< 25 000/mm³ ; < 25,0 × 10⁹/L',
        null,
      ),
    },
  },
  {
    id: 'lymphocyteCountDecreased',
    meddraCode: 10025256,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Lymphocyte count decreased',
      grades: grades(
        '<LLN - 800/mm3; <LLN - 0.8 x 10e9/L',
        '<800 - 500/mm3; <0.8 - 0.5 x 10e9 /L',
        '<500 - 200/mm3; <0.5 - 0.2 x 10e9 /L',
        '<200/mm3; <0.2 x 10e9 /L',
        null,
      ),
    },
    fr: {
      term: 'Diminution du nombre de lymphocytes',
      grades: grades(
        '< LIN – 800/mm³ ; < LIN – 0,8 × 10⁹/L',
        '< 800 – 500/mm³ ; < 0,8 – 0,5 × 10⁹/L',
        '< 500 – 200/mm³ ; < 0,5 – 0,2 × 10⁹/L',
        '< 200/mm³ ; < 0,2 × 10⁹/L',
        null,
      ),
    },
  },
  {
    id: 'alanineAminotransferaseIncreased',
    meddraCode: 10001551,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Alanine aminotransferase increased',
      grades: grades(
        '>ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal',
        '>3.0 - 5.0 x ULN if baseline was normal; >3.0 - 5.0 x baseline if baseline was abnormal',
        '>5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal',
        '>20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal',
        null,
      ),
    },
    fr: {
      term: 'Augmentation des alanine aminotransférases (ALAT)',
      grades: grades(
        '> LSN – 3,0 × LSN si la valeur initiale était normale ; 1,5 – 3,0 × la valeur initiale si elle était anormale',
        '> 3,0 – 5,0 × LSN si la valeur initiale était normale ; > 3,0 – 5,0 × la valeur initiale si elle était anormale',
        '> 5,0 – 20,0 × LSN si la valeur initiale était normale ; > 5,0 – 20,0 × la valeur initiale si elle était anormale',
        '> 20,0 × LSN si la valeur initiale était normale ; > 20,0 × la valeur initiale si elle était anormale',
        null,
      ),
    },
  },
  {
    id: 'aspartateAminotransferaseIncreased',
    meddraCode: 10003481,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Aspartate aminotransferase increased',
      grades: grades(
        '>ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal',
        '>3.0 - 5.0 x ULN if baseline was normal; >3.0 - 5.0 x baseline if baseline was abnormal',
        '>5.0 - 20.0 x ULN if baseline was normal; >5.0 - 20.0 x baseline if baseline was abnormal',
        '>20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal',
        null,
      ),
    },
    fr: {
      term: 'Augmentation des aspartate aminotransférases (ASAT)',
      grades: grades(
        '> LSN – 3,0 × LSN si la valeur initiale était normale ; 1,5 – 3,0 × la valeur initiale si elle était anormale',
        '> 3,0 – 5,0 × LSN si la valeur initiale était normale ; > 3,0 – 5,0 × la valeur initiale si elle était anormale',
        '> 5,0 – 20,0 × LSN si la valeur initiale était normale ; > 5,0 – 20,0 × la valeur initiale si elle était anormale',
        '> 20,0 × LSN si la valeur initiale était normale ; > 20,0 × la valeur initiale si elle était anormale',
        null,
      ),
    },
  },
  {
    id: 'creatinineIncreased',
    meddraCode: 10011368,
    soc: 'Investigations',
    from: 'days1to10',
    lab: true,
    en: {
      term: 'Creatinine increased',
      grades: grades(
        '>ULN - 1.5 x ULN',
        '>1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN',
        '>3.0 x baseline; >3.0 - 6.0 x ULN',
        '>6.0 x ULN',
        null,
      ),
    },
    fr: {
      term: 'Augmentation de la créatinine',
      grades: grades(
        '> LSN – 1,5 × LSN',
        '> 1,5 – 3,0 × la valeur initiale ; > 1,5 – 3,0 × LSN',
        '> 3,0 × la valeur initiale ; > 3,0 – 6,0 × LSN',
        '> 6,0 × LSN',
        null,
      ),
    },
  },
] as const satisfies readonly BedsideTermData[];

export type BedsideTerm = (typeof BEDSIDE_TERMS)[number];
export type BedsideTermId = BedsideTerm['id'];

// Built on first use, not at import: a module with no top-level work is dropped from bundles that do not use it.
let byId: ReadonlyMap<string, BedsideTerm> | undefined;
let byCode: ReadonlyMap<number, BedsideTerm> | undefined;

/** A bedside term by id. An unknown id is a programming error and throws. */
export function ctcaeTerm(id: BedsideTermId): BedsideTerm {
  byId ??= new Map(BEDSIDE_TERMS.map((t) => [t.id, t]));
  const term = byId.get(id);
  if (!term) throw new Error(`Unknown bedside CTCAE term id: ${String(id)}`);
  return term;
}

export function isBedsideTermId(id: string): id is BedsideTermId {
  return BEDSIDE_TERMS.some((t) => t.id === id);
}

/** The bedside term with this MedDRA code, if it is one. */
export function bedsideTermByMeddraCode(meddraCode: number): BedsideTerm | undefined {
  byCode ??= new Map(BEDSIDE_TERMS.map((t) => [t.meddraCode, t]));
  return byCode.get(meddraCode);
}

/** The grades NCI defines for the term, e.g. anaphylaxis 3–5, chills 1–3: only these can be chosen. */
export function gradesAvailable(id: BedsideTermId): CtcaeGrade[] {
  return availableGrades(ctcaeTerm(id).en.grades);
}

export function termName(id: BedsideTermId, lang: Lang): string {
  return ctcaeTerm(id)[lang].term;
}

/** The grade's text in the language, or null when NCI defines no such grade for the term. */
export function gradeText(id: BedsideTermId, grade: CtcaeGrade, lang: Lang): string | null {
  return ctcaeTerm(id)[lang].grades[grade];
}

/** The term as stored in an adverse-event record, stamped with the CTCAE version. */
export function adverseEventTermFor(id: BedsideTermId): AdverseEventTerm {
  return { kind: 'ctcae', version: CTCAE_VERSION, meddraCode: ctcaeTerm(id).meddraCode };
}

/** Infections are solicited as a free term (any infection, named by the person) graded by hand or from the
 * catalogue's "Infections and infestations" terms (infusion-and-monitoring.md, "Solicited CTCAE terms"). */
export const SOLICITED_INFECTION = {
  kind: 'freeTerm',
  id: 'infection',
  soc: 'Infections and infestations',
} as const;

export type SolicitedItem = { kind: 'term'; id: BedsideTermId } | typeof SOLICITED_INFECTION;

/**
 * The solicited checklist of a phase, in the order of infusion-and-monitoring.md: during and after the infusion
 * the 25 infusion terms, thromboembolic event among them; days 1–10 add diarrhea, abdominal pain, infections
 * (free term) and the lab terms.
 */
export function solicitedChecklist(phase: MonitoringPhase): readonly SolicitedItem[] {
  const term = (t: BedsideTerm): SolicitedItem => ({ kind: 'term', id: t.id });
  const infusion = BEDSIDE_TERMS.filter((t) => t.from === 'infusion').map(term);
  if (phase === 'infusion') return infusion;
  const clinical = BEDSIDE_TERMS.filter((t) => t.from === 'days1to10' && !('lab' in t)).map(term);
  const labs = BEDSIDE_TERMS.filter((t) => 'lab' in t).map(term);
  return [...infusion, ...clinical, SOLICITED_INFECTION, ...labs];
}
