import type { Lang } from './lang';

// MedDRA system organ classes as CTCAE v5.0 uses them (English, exactly as in NCI's file), with their French names
// from the official French MedDRA (Guide d'introduction à MedDRA, version française, "Classifications par
// discipline médicale"), so the French screens show the names pharmacovigilance already uses.

export const SOC_NAMES_FR: Readonly<Record<string, string>> = {
  'Blood and lymphatic system disorders': 'Affections hématologiques et du système lymphatique',
  'Cardiac disorders': 'Affections cardiaques',
  'Congenital, familial and genetic disorders': 'Affections congénitales, familiales et génétiques',
  'Ear and labyrinth disorders': "Affections de l'oreille et du labyrinthe",
  'Endocrine disorders': 'Affections endocriniennes',
  'Eye disorders': 'Affections oculaires',
  'Gastrointestinal disorders': 'Affections gastro-intestinales',
  'General disorders and administration site conditions':
    "Troubles généraux et anomalies au site d'administration",
  'Hepatobiliary disorders': 'Affections hépatobiliaires',
  'Immune system disorders': 'Affections du système immunitaire',
  'Infections and infestations': 'Infections et infestations',
  'Injury, poisoning and procedural complications': "Lésions, intoxications et complications d'interventions",
  Investigations: 'Investigations',
  'Metabolism and nutrition disorders': 'Troubles du métabolisme et de la nutrition',
  'Musculoskeletal and connective tissue disorders':
    'Affections musculo-squelettiques et du tissu conjonctif',
  'Neoplasms benign, malignant and unspecified (incl cysts and polyps)':
    'Tumeurs bénignes, malignes et non précisées (incl kystes et polypes)',
  'Nervous system disorders': 'Affections du système nerveux',
  'Pregnancy, puerperium and perinatal conditions': 'Affections gravidiques, puerpérales et périnatales',
  'Psychiatric disorders': 'Affections psychiatriques',
  'Renal and urinary disorders': 'Affections du rein et des voies urinaires',
  'Reproductive system and breast disorders': 'Affections des organes de reproduction et du sein',
  'Respiratory, thoracic and mediastinal disorders': 'Affections respiratoires, thoraciques et médiastinales',
  'Skin and subcutaneous tissue disorders': 'Affections de la peau et du tissu sous-cutané',
  'Social circumstances': 'Caractéristiques socio-environnementales',
  'Surgical and medical procedures': 'Actes médicaux et chirurgicaux',
  'Vascular disorders': 'Affections vasculaires',
};

/** A SOC's name in the interface language; an SOC without a French name (a later CTCAE) stays in English. */
export function socName(soc: string, lang: Lang): string {
  return lang === 'fr' ? (SOC_NAMES_FR[soc] ?? soc) : soc;
}
