import type { BilagSystem, SdiItemId, SledaiId } from '@/domain';

// The instruments' wording on screen, French and English. These are data, not logic: the sponsor may replace them
// with the validated translations. SELENA-SLEDAI definitions after Petri M et al., NEJM 2005;353:2550 (the
// SELENA-SLEDAI form); BILAG-2004 items after Isenberg DA et al., Rheumatology 2005;44:902; SDI items after
// Gladman D et al., Arthritis Rheum 1996;39:363.

export type Lang = 'fr' | 'en';
type Text = Record<Lang, string>;
export const lang = (language: string): Lang => (language.startsWith('en') ? 'en' : 'fr');

export const SLEDAI_TEXTS: Record<SledaiId, { name: Text; definition: Text }> = {
  seizure: {
    name: { fr: 'Convulsions', en: 'Seizure' },
    definition: {
      fr: 'Début récent. Exclure les causes métaboliques, infectieuses ou médicamenteuses.',
      en: 'Recent onset. Exclude metabolic, infectious or drug causes.',
    },
  },
  psychosis: {
    name: { fr: 'Psychose', en: 'Psychosis' },
    definition: {
      fr: 'Altération de la capacité à fonctionner normalement due à un trouble sévère de la perception de la réalité : hallucinations, incohérence, relâchement marqué des associations, appauvrissement du contenu de la pensée, pensée illogique, comportement bizarre, désorganisé ou catatonique. Exclure l’urémie et les causes médicamenteuses.',
      en: 'Altered ability to function in normal activity due to severe disturbance in the perception of reality: hallucinations, incoherence, marked loose associations, impoverished thought content, marked illogical thinking, bizarre, disorganised or catatonic behaviour. Exclude uraemia and drug causes.',
    },
  },
  organicBrainSyndrome: {
    name: { fr: 'Syndrome cérébral organique', en: 'Organic brain syndrome' },
    definition: {
      fr: 'Altération des fonctions mentales (orientation, mémoire ou autres fonctions intellectuelles) de début rapide et fluctuante : obnubilation avec baisse de l’attention, et au moins deux parmi : troubles perceptifs, discours incohérent, insomnie ou somnolence diurne, activité psychomotrice augmentée ou diminuée. Exclure les causes métaboliques, infectieuses ou médicamenteuses.',
      en: 'Altered mental function with impaired orientation, memory or other intellectual function, of rapid onset and fluctuating: clouding of consciousness with reduced attention, and at least two of: perceptual disturbance, incoherent speech, insomnia or daytime drowsiness, increased or decreased psychomotor activity. Exclude metabolic, infectious or drug causes.',
    },
  },
  visualDisturbance: {
    name: { fr: 'Troubles visuels', en: 'Visual disturbance' },
    definition: {
      fr: 'Atteinte rétinienne du lupus : nodules dysoriques, hémorragies rétiniennes, exsudats séreux ou hémorragies choroïdiennes, ou névrite optique. Exclure l’hypertension, les causes infectieuses ou médicamenteuses.',
      en: 'Retinal changes of SLE: cytoid bodies, retinal haemorrhages, serous exudate or haemorrhages in the choroid, or optic neuritis. Exclude hypertension, infection or drug causes.',
    },
  },
  cranialNerveDisorder: {
    name: { fr: 'Atteinte des nerfs crâniens', en: 'Cranial nerve disorder' },
    definition: {
      fr: 'Neuropathie sensitive ou motrice des nerfs crâniens, d’apparition récente.',
      en: 'New onset of sensory or motor neuropathy involving cranial nerves.',
    },
  },
  lupusHeadache: {
    name: { fr: 'Céphalée lupique', en: 'Lupus headache' },
    definition: {
      fr: 'Céphalée sévère et persistante, éventuellement migraineuse, ne répondant pas aux antalgiques morphiniques.',
      en: 'Severe persistent headache; may be migrainous, but must be non-responsive to narcotic analgesia.',
    },
  },
  cva: {
    name: { fr: 'Accident vasculaire cérébral', en: 'Cerebrovascular accident' },
    definition: {
      fr: 'Accident(s) vasculaire(s) cérébral(aux) récent(s). Exclure l’athérosclérose.',
      en: 'New onset of cerebrovascular accident(s). Exclude arteriosclerosis.',
    },
  },
  vasculitis: {
    name: { fr: 'Vascularite', en: 'Vasculitis' },
    definition: {
      fr: 'Ulcération, gangrène, nodules digitaux douloureux, infarctus péri-unguéaux, hémorragies en flammèches, ou vascularite prouvée par biopsie ou angiographie.',
      en: 'Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, or biopsy or angiogram proof of vasculitis.',
    },
  },
  arthritis: {
    name: { fr: 'Arthrite', en: 'Arthritis' },
    definition: {
      fr: 'Plus de deux articulations douloureuses avec signes inflammatoires (sensibilité, gonflement ou épanchement).',
      en: 'More than 2 joints with pain and signs of inflammation (tenderness, swelling or effusion).',
    },
  },
  myositis: {
    name: { fr: 'Myosite', en: 'Myositis' },
    definition: {
      fr: 'Douleurs ou faiblesse musculaires proximales avec élévation des CPK ou de l’aldolase, ou anomalies à l’EMG, ou biopsie montrant une myosite.',
      en: 'Proximal muscle aching or weakness with elevated CPK or aldolase, or EMG changes, or a biopsy showing myositis.',
    },
  },
  urinaryCasts: {
    name: { fr: 'Cylindres urinaires', en: 'Urinary casts' },
    definition: {
      fr: 'Cylindres hématiques ou granuleux hémoglobiniques.',
      en: 'Heme-granular or red blood cell casts.',
    },
  },
  hematuria: {
    name: { fr: 'Hématurie', en: 'Haematuria' },
    definition: {
      fr: 'Plus de 5 hématies par champ. Exclure lithiase, infection ou autre cause.',
      en: 'More than 5 red blood cells per high-power field. Exclude stone, infection or other cause.',
    },
  },
  proteinuria: {
    name: { fr: 'Protéinurie', en: 'Proteinuria' },
    definition: {
      fr: 'Plus de 0,5 g/24 h : apparition récente ou augmentation récente de plus de 0,5 g/24 h.',
      en: 'More than 0.5 g/24 h: new onset or recent increase of more than 0.5 g/24 h.',
    },
  },
  pyuria: {
    name: { fr: 'Pyurie', en: 'Pyuria' },
    definition: {
      fr: 'Plus de 5 leucocytes par champ. Exclure une infection.',
      en: 'More than 5 white blood cells per high-power field. Exclude infection.',
    },
  },
  rash: {
    name: { fr: 'Éruption cutanée', en: 'Rash' },
    definition: {
      fr: 'Éruption lupique inflammatoire, nouvelle ou persistante.',
      en: 'New or ongoing inflammatory lupus rash.',
    },
  },
  alopecia: {
    name: { fr: 'Alopécie', en: 'Alopecia' },
    definition: {
      fr: 'Chute de cheveux anormale, en plaques ou diffuse, nouvelle ou persistante, due au lupus actif.',
      en: 'New or ongoing abnormal, patchy or diffuse loss of hair due to active lupus.',
    },
  },
  mucosalUlcers: {
    name: { fr: 'Ulcérations muqueuses', en: 'Mucosal ulcers' },
    definition: {
      fr: 'Ulcérations buccales ou nasales, nouvelles ou persistantes, dues au lupus actif.',
      en: 'New or ongoing oral or nasal ulcerations due to active lupus.',
    },
  },
  pleurisy: {
    name: { fr: 'Pleurésie', en: 'Pleurisy' },
    definition: {
      fr: 'Douleur thoracique pleurale typique et sévère, ou frottement pleural, ou épanchement, ou épaississement pleural récent dû au lupus.',
      en: 'Classic and severe pleuritic chest pain, or pleural rub, or effusion, or new pleural thickening due to lupus.',
    },
  },
  pericarditis: {
    name: { fr: 'Péricardite', en: 'Pericarditis' },
    definition: {
      fr: 'Douleur péricardique typique et sévère, ou frottement, ou épanchement, ou confirmation électrocardiographique ou échographique.',
      en: 'Classic and severe pericardial pain, or rub, or effusion, or electrocardiogram or echocardiogram confirmation.',
    },
  },
  lowComplement: {
    name: { fr: 'Complément bas', en: 'Low complement' },
    definition: {
      fr: 'Baisse du CH50, du C3 ou du C4 sous la limite inférieure de la normale du laboratoire.',
      en: 'Decrease in CH50, C3 or C4 below the lower limit of normal of the testing laboratory.',
    },
  },
  increasedDnaBinding: {
    name: { fr: 'Anti-ADN augmentés', en: 'Increased DNA binding' },
    definition: {
      fr: 'Anticorps anti-ADN natif au-dessus de la normale du laboratoire (plus de 25 % de liaison en test de Farr).',
      en: 'Anti-dsDNA above the normal range of the testing laboratory (more than 25 % binding by Farr assay).',
    },
  },
  fever: {
    name: { fr: 'Fièvre', en: 'Fever' },
    definition: {
      fr: 'Plus de 38 °C. Exclure une cause infectieuse.',
      en: 'Above 38 °C. Exclude infectious cause.',
    },
  },
  thrombocytopenia: {
    name: { fr: 'Thrombopénie', en: 'Thrombocytopenia' },
    definition: {
      fr: 'Plaquettes < 100 × 10⁹/L. Exclure une cause médicamenteuse.',
      en: 'Platelets < 100 × 10⁹/L. Exclude drug causes.',
    },
  },
  leukopenia: {
    name: { fr: 'Leucopénie', en: 'Leukopenia' },
    definition: {
      fr: 'Leucocytes < 3 × 10⁹/L. Exclure une cause médicamenteuse.',
      en: 'White blood cells < 3 × 10⁹/L. Exclude drug causes.',
    },
  },
};

export const BILAG_TEXTS: Record<BilagSystem, { name: Text; aid: Text }> = {
  constitutional: {
    name: { fr: 'Général', en: 'Constitutional' },
    aid: {
      fr: 'Fièvre > 37,5 °C ; perte de poids involontaire > 5 % ; adénopathies ou splénomégalie ; anorexie.',
      en: 'Pyrexia > 37.5 °C; unintentional weight loss > 5 %; lymphadenopathy or splenomegaly; anorexia.',
    },
  },
  mucocutaneous: {
    name: { fr: 'Cutanéo-muqueux', en: 'Mucocutaneous' },
    aid: {
      fr: 'Éruption (sévère / légère) ; angio-œdème ; ulcérations muqueuses (sévères / légères) ; panniculite ou lupus bulleux ; vascularite cutanée majeure ou thrombose ; infarctus digitaux ou vascularite nodulaire ; alopécie (sévère / légère) ; érythème péri-unguéal, engelures ; hémorragies en flammèches.',
      en: 'Skin eruption (severe / mild); angio-oedema; mucosal ulceration (severe / mild); panniculitis or bullous lupus; major cutaneous vasculitis or thrombosis; digital infarcts or nodular vasculitis; alopecia (severe / mild); periungual erythema, chilblains; splinter haemorrhages.',
    },
  },
  neuropsychiatric: {
    name: { fr: 'Neuropsychiatrique', en: 'Neuropsychiatric' },
    aid: {
      fr: 'Méningite aseptique ; vascularite cérébrale ; syndrome démyélinisant ; myélopathie ; état confusionnel aigu ; psychose ; polyradiculonévrite aiguë ; mononévrite ; neuropathie crânienne ; plexopathie ; polyneuropathie ; épilepsie, état de mal ; maladie cérébrovasculaire ; troubles cognitifs ; mouvements anormaux ; dysautonomie ; ataxie cérébelleuse ; céphalée lupique.',
      en: 'Aseptic meningitis; cerebral vasculitis; demyelinating syndrome; myelopathy; acute confusional state; psychosis; acute inflammatory demyelinating polyradiculoneuropathy; mononeuropathy; cranial neuropathy; plexopathy; polyneuropathy; seizure disorder, status epilepticus; cerebrovascular disease; cognitive dysfunction; movement disorder; autonomic disorder; cerebellar ataxia; lupus headache.',
    },
  },
  musculoskeletal: {
    name: { fr: 'Musculo-squelettique', en: 'Musculoskeletal' },
    aid: {
      fr: 'Myosite sévère ; myosite légère ; arthrite sévère ; arthrite modérée, ténosynovite ; arthrite légère, arthralgies, myalgies.',
      en: 'Severe myositis; mild myositis; severe arthritis; moderate arthritis, tendonitis, tenosynovitis; mild arthritis, arthralgia, myalgia.',
    },
  },
  cardiorespiratory: {
    name: { fr: 'Cardio-respiratoire', en: 'Cardiorespiratory' },
    aid: {
      fr: 'Myocardite ; insuffisance cardiaque ; arythmie ; valvulopathie récente ; pleurésie, péricardite ; tamponnade ; épanchement pleural avec dyspnée ; hémorragie ou vascularite pulmonaire ; alvéolite interstitielle, pneumopathie ; syndrome des poumons rétractés ; aortite ; vascularite coronaire.',
      en: 'Myocarditis; cardiac failure; arrhythmia; new valvular dysfunction; pleurisy, pericarditis; cardiac tamponade; pleural effusion with dyspnoea; pulmonary haemorrhage or vasculitis; interstitial alveolitis, pneumonitis; shrinking lung syndrome; aortitis; coronary vasculitis.',
    },
  },
  gastrointestinal: {
    name: { fr: 'Digestif', en: 'Gastrointestinal' },
    aid: {
      fr: 'Péritonite lupique ; sérite abdominale ou ascite ; entérite ou colite lupique ; malabsorption ; entéropathie exsudative ; pseudo-obstruction intestinale ; hépatite lupique ; cholécystite lupique ; pancréatite lupique.',
      en: 'Lupus peritonitis; abdominal serositis or ascites; lupus enteritis or colitis; malabsorption; protein-losing enteropathy; intestinal pseudo-obstruction; lupus hepatitis; acute lupus cholecystitis; acute lupus pancreatitis.',
    },
  },
  ophthalmic: {
    name: { fr: 'Ophtalmologique', en: 'Ophthalmic' },
    aid: {
      fr: 'Inflammation orbitaire ; kératite ; uvéite antérieure ; uvéite postérieure, vascularite rétinienne ; sclérite ; épisclérite ; rétinopathie ; nodules cotonneux isolés ; névrite optique ; neuropathie optique ischémique antérieure.',
      en: 'Orbital inflammation; keratitis; anterior uveitis; posterior uveitis, retinal vasculitis; scleritis; episcleritis; retinopathy; isolated cotton-wool spots; optic neuritis; anterior ischaemic optic neuropathy.',
    },
  },
  renal: {
    name: { fr: 'Rénal', en: 'Renal' },
    aid: {
      fr: 'Pression artérielle ; HTA accélérée ; protéinurie (bandelette, rapport protéines/créatinine, g/24 h) ; syndrome néphrotique ; créatinine, DFG ; sédiment urinaire actif ; histologie de néphrite active.',
      en: 'Blood pressure; accelerated hypertension; proteinuria (dipstick, protein-creatinine ratio, g/24 h); nephrotic syndrome; creatinine, GFR; active urinary sediment; histology of active nephritis.',
    },
  },
  haematological: {
    name: { fr: 'Hématologique', en: 'Haematological' },
    aid: {
      fr: 'Hémoglobine ; leucocytes ; neutrophiles ; lymphocytes ; plaquettes ; PTT ; hémolyse active ; test de Coombs positif.',
      en: 'Haemoglobin; white cell count; neutrophils; lymphocytes; platelets; TTP; evidence of active haemolysis; positive Coombs test.',
    },
  },
};

export const SDI_SYSTEM_TEXTS: Record<string, Text> = {
  ocular: { fr: 'Oculaire', en: 'Ocular' },
  neuropsychiatric: { fr: 'Neuropsychiatrique', en: 'Neuropsychiatric' },
  renal: { fr: 'Rénal', en: 'Renal' },
  pulmonary: { fr: 'Pulmonaire', en: 'Pulmonary' },
  cardiovascular: { fr: 'Cardiovasculaire', en: 'Cardiovascular' },
  peripheralVascular: { fr: 'Vasculaire périphérique', en: 'Peripheral vascular' },
  gastrointestinal: { fr: 'Digestif', en: 'Gastrointestinal' },
  musculoskeletal: { fr: 'Musculo-squelettique', en: 'Musculoskeletal' },
  skin: { fr: 'Cutané', en: 'Skin' },
  gonadal: { fr: 'Gonadique', en: 'Gonadal' },
  endocrine: { fr: 'Endocrinien', en: 'Endocrine' },
  malignancy: { fr: 'Néoplasie', en: 'Malignancy' },
};

export const SDI_TEXTS: Record<SdiItemId, Text> = {
  cataract: { fr: 'Cataracte (quelle qu’elle soit)', en: 'Any cataract ever' },
  retinalChangeOrOpticAtrophy: {
    fr: 'Atteinte rétinienne ou atrophie optique',
    en: 'Retinal change or optic atrophy',
  },
  cognitiveImpairmentOrPsychosis: {
    fr: 'Troubles cognitifs ou psychose majeure',
    en: 'Cognitive impairment or major psychosis',
  },
  seizures6Months: {
    fr: 'Convulsions traitées pendant 6 mois',
    en: 'Seizures requiring therapy for 6 months',
  },
  cerebrovascularAccident: { fr: 'AVC (2 si plus d’un)', en: 'Cerebrovascular accident (2 if > 1)' },
  cranialOrPeripheralNeuropathy: {
    fr: 'Neuropathie crânienne ou périphérique (hors optique)',
    en: 'Cranial or peripheral neuropathy (excluding optic)',
  },
  transverseMyelitis: { fr: 'Myélite transverse', en: 'Transverse myelitis' },
  gfrBelow50: { fr: 'DFG estimé ou mesuré < 50 %', en: 'Estimated or measured GFR < 50 %' },
  proteinuria3_5: { fr: 'Protéinurie ≥ 3,5 g/24 h', en: 'Proteinuria ≥ 3.5 g/24 h' },
  endStageRenalDisease: {
    fr: 'Insuffisance rénale terminale (3, remplace les deux autres)',
    en: 'End-stage renal disease (3, replaces the other two)',
  },
  pulmonaryHypertension: { fr: 'Hypertension pulmonaire', en: 'Pulmonary hypertension' },
  pulmonaryFibrosis: { fr: 'Fibrose pulmonaire', en: 'Pulmonary fibrosis' },
  shrinkingLung: { fr: 'Poumons rétractés', en: 'Shrinking lung' },
  pleuralFibrosis: { fr: 'Fibrose pleurale', en: 'Pleural fibrosis' },
  pulmonaryInfarction: { fr: 'Infarctus pulmonaire', en: 'Pulmonary infarction' },
  anginaOrBypass: { fr: 'Angor ou pontage coronarien', en: 'Angina or coronary bypass' },
  myocardialInfarction: {
    fr: 'Infarctus du myocarde (2 si plus d’un)',
    en: 'Myocardial infarction (2 if > 1)',
  },
  cardiomyopathy: { fr: 'Cardiomyopathie', en: 'Cardiomyopathy' },
  valvularDisease: { fr: 'Valvulopathie', en: 'Valvular disease' },
  pericarditis6MonthsOrPericardiectomy: {
    fr: 'Péricardite 6 mois ou péricardectomie',
    en: 'Pericarditis for 6 months or pericardiectomy',
  },
  claudication6Months: { fr: 'Claudication 6 mois', en: 'Claudication for 6 months' },
  minorTissueLoss: { fr: 'Perte de substance mineure (pulpe)', en: 'Minor tissue loss (pulp space)' },
  significantTissueLoss: {
    fr: 'Perte de substance importante (2 si plus d’un site)',
    en: 'Significant tissue loss (2 if > 1 site)',
  },
  venousThrombosisWithSequelae: {
    fr: 'Thrombose veineuse avec séquelles',
    en: 'Venous thrombosis with sequelae',
  },
  bowelSpleenLiverGallbladderLoss: {
    fr: 'Résection intestinale, splénique, hépatique ou biliaire (2 si plus d’un site)',
    en: 'Infarction or resection of bowel, spleen, liver or gallbladder (2 if > 1 site)',
  },
  mesentericInsufficiency: { fr: 'Insuffisance mésentérique', en: 'Mesenteric insufficiency' },
  chronicPeritonitis: { fr: 'Péritonite chronique', en: 'Chronic peritonitis' },
  upperGiStrictureOrSurgery: {
    fr: 'Sténose ou chirurgie digestive haute',
    en: 'Upper GI stricture or surgery',
  },
  pancreaticInsufficiency: { fr: 'Insuffisance pancréatique', en: 'Pancreatic insufficiency' },
  muscleAtrophyOrWeakness: { fr: 'Atrophie ou faiblesse musculaire', en: 'Muscle atrophy or weakness' },
  deformingOrErosiveArthritis: { fr: 'Arthrite déformante ou érosive', en: 'Deforming or erosive arthritis' },
  osteoporosisWithFracture: {
    fr: 'Ostéoporose avec fracture ou tassement',
    en: 'Osteoporosis with fracture or vertebral collapse',
  },
  avascularNecrosis: { fr: 'Ostéonécrose (2 si plus d’une)', en: 'Avascular necrosis (2 if > 1)' },
  osteomyelitis: { fr: 'Ostéomyélite', en: 'Osteomyelitis' },
  tendonRupture: { fr: 'Rupture tendineuse', en: 'Tendon rupture' },
  scarringChronicAlopecia: { fr: 'Alopécie cicatricielle chronique', en: 'Scarring chronic alopecia' },
  extensiveScarring: {
    fr: 'Cicatrices étendues (hors cuir chevelu et pulpe)',
    en: 'Extensive scarring (other than scalp and pulp)',
  },
  skinUlceration6Months: {
    fr: 'Ulcération cutanée > 6 mois (hors thrombose)',
    en: 'Skin ulceration > 6 months (excluding thrombosis)',
  },
  prematureGonadalFailure: { fr: 'Insuffisance gonadique prématurée', en: 'Premature gonadal failure' },
  diabetes: { fr: 'Diabète (quel que soit le traitement)', en: 'Diabetes (regardless of treatment)' },
  malignancy: {
    fr: 'Néoplasie (hors dysplasie ; 2 si plus d’un site)',
    en: 'Malignancy (excluding dysplasia; 2 if > 1 site)',
  },
};
