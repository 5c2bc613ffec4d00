import type { Eq5dDimension } from '@/domain';

// Questionnaire wording shown to the participant. The SF-36v2 and EQ-5D-5L texts are licensed (QualityMetric,
// EuroQol; shared/clinical/sf36.md, instruments.md): these are the trial team's working texts, kept as data so the
// sponsor can replace them with the licensed French forms without touching any logic. The response ORDER is the
// pre-coded order of each form (1 = the first answer printed), which is what the scoring reads.

type Lang = 'fr' | 'en';
type Text = Record<Lang, string>;

const t = (fr: string, en: string): Text => ({ fr, en });

const EXCELLENT = [
  t('Excellente', 'Excellent'),
  t('Très bonne', 'Very good'),
  t('Bonne', 'Good'),
  t('Médiocre', 'Fair'),
  t('Mauvaise', 'Poor'),
];
const TRANSITION = [
  t('Bien meilleur que l’an dernier', 'Much better than a year ago'),
  t('Plutôt meilleur', 'Somewhat better'),
  t('À peu près pareil', 'About the same'),
  t('Plutôt moins bon', 'Somewhat worse'),
  t('Beaucoup moins bon', 'Much worse'),
];
const LIMITED = [
  t('Oui, beaucoup limité(e)', 'Yes, limited a lot'),
  t('Oui, un peu limité(e)', 'Yes, limited a little'),
  t('Non, pas du tout limité(e)', 'No, not limited at all'),
];
const TIME = [
  t('En permanence', 'All of the time'),
  t('Une bonne partie du temps', 'Most of the time'),
  t('De temps en temps', 'Some of the time'),
  t('Rarement', 'A little of the time'),
  t('Jamais', 'None of the time'),
];
const EXTENT = [
  t('Pas du tout', 'Not at all'),
  t('Un petit peu', 'A little bit'),
  t('Moyennement', 'Moderately'),
  t('Beaucoup', 'Quite a bit'),
  t('Énormément', 'Extremely'),
];
const PAIN = [
  t('Nulle', 'None'),
  t('Très faible', 'Very mild'),
  t('Faible', 'Mild'),
  t('Moyenne', 'Moderate'),
  t('Grande', 'Severe'),
  t('Très grande', 'Very severe'),
];
const TRUE_FALSE = [
  t('Tout à fait vrai', 'Definitely true'),
  t('Plutôt vrai', 'Mostly true'),
  t('Je ne sais pas', 'Don’t know'),
  t('Plutôt faux', 'Mostly false'),
  t('Tout à fait faux', 'Definitely false'),
];

const PF = t('Votre état de santé actuel vous limite-t-il pour : ', 'Does your health now limit you in: ');
const RP = t(
  'Au cours des 4 dernières semaines, à cause de votre état physique : ',
  'During the past 4 weeks, because of your physical health: ',
);
const RE = t(
  'Au cours des 4 dernières semaines, à cause de votre état émotionnel : ',
  'During the past 4 weeks, because of emotional problems: ',
);
const MOOD = t(
  'Au cours des 4 dernières semaines, combien de temps vous êtes-vous senti(e) ',
  'During the past 4 weeks, how much of the time have you felt ',
);

const prefixed = (prefix: Text, fr: string, en: string): Text => ({ fr: prefix.fr + fr, en: prefix.en + en });

/** SF-36 items 1–36 in order: the question and its pre-coded answers (v2 response formats). */
export const SF36_ITEMS: readonly { number: number; label: string; text: Text; answers: readonly Text[] }[] =
  [
    {
      label: '1',
      text: t(
        'Dans l’ensemble, pensez-vous que votre santé est :',
        'In general, would you say your health is:',
      ),
      answers: EXCELLENT,
    },
    {
      label: '2',
      text: t(
        'Par rapport à l’année dernière, comment trouvez-vous votre état de santé en ce moment ?',
        'Compared to one year ago, how would you rate your health in general now?',
      ),
      answers: TRANSITION,
    },
    {
      label: '3a',
      text: prefixed(
        PF,
        'des efforts physiques importants (courir, soulever des objets lourds, sport intense) ?',
        'vigorous activities (running, lifting heavy objects, strenuous sports)?',
      ),
      answers: LIMITED,
    },
    {
      label: '3b',
      text: prefixed(
        PF,
        'des efforts physiques modérés (déplacer une table, passer l’aspirateur) ?',
        'moderate activities (moving a table, vacuuming)?',
      ),
      answers: LIMITED,
    },
    {
      label: '3c',
      text: prefixed(PF, 'soulever et porter les courses ?', 'lifting or carrying groceries?'),
      answers: LIMITED,
    },
    {
      label: '3d',
      text: prefixed(PF, 'monter plusieurs étages par l’escalier ?', 'climbing several flights of stairs?'),
      answers: LIMITED,
    },
    {
      label: '3e',
      text: prefixed(PF, 'monter un étage par l’escalier ?', 'climbing one flight of stairs?'),
      answers: LIMITED,
    },
    {
      label: '3f',
      text: prefixed(
        PF,
        'vous pencher, vous mettre à genoux, vous accroupir ?',
        'bending, kneeling or stooping?',
      ),
      answers: LIMITED,
    },
    {
      label: '3g',
      text: prefixed(PF, 'marcher plus d’un kilomètre et demi ?', 'walking more than a mile?'),
      answers: LIMITED,
    },
    {
      label: '3h',
      text: prefixed(PF, 'marcher plusieurs centaines de mètres ?', 'walking several hundred yards?'),
      answers: LIMITED,
    },
    {
      label: '3i',
      text: prefixed(PF, 'marcher une centaine de mètres ?', 'walking one hundred yards?'),
      answers: LIMITED,
    },
    {
      label: '3j',
      text: prefixed(PF, 'prendre un bain, une douche ou vous habiller ?', 'bathing or dressing yourself?'),
      answers: LIMITED,
    },
    {
      label: '4a',
      text: prefixed(
        RP,
        'avez-vous réduit le temps passé à votre travail ou à vos activités ?',
        'did you cut down on the time you spent on work or other activities?',
      ),
      answers: TIME,
    },
    {
      label: '4b',
      text: prefixed(
        RP,
        'avez-vous accompli moins de choses que vous l’auriez souhaité ?',
        'did you accomplish less than you would like?',
      ),
      answers: TIME,
    },
    {
      label: '4c',
      text: prefixed(
        RP,
        'avez-vous dû arrêter de faire certaines choses ?',
        'were you limited in the kind of work or other activities?',
      ),
      answers: TIME,
    },
    {
      label: '4d',
      text: prefixed(
        RP,
        'avez-vous eu des difficultés à faire votre travail ou vos activités ?',
        'did you have difficulty performing the work or other activities?',
      ),
      answers: TIME,
    },
    {
      label: '5a',
      text: prefixed(
        RE,
        'avez-vous réduit le temps passé à votre travail ou à vos activités ?',
        'did you cut down on the time you spent on work or other activities?',
      ),
      answers: TIME,
    },
    {
      label: '5b',
      text: prefixed(
        RE,
        'avez-vous accompli moins de choses que vous l’auriez souhaité ?',
        'did you accomplish less than you would like?',
      ),
      answers: TIME,
    },
    {
      label: '5c',
      text: prefixed(
        RE,
        'avez-vous fait votre travail ou vos activités avec moins de soin que d’habitude ?',
        'did you do work or other activities less carefully than usual?',
      ),
      answers: TIME,
    },
    {
      label: '6',
      text: t(
        'Au cours des 4 dernières semaines, dans quelle mesure votre état physique ou émotionnel vous a-t-il gêné(e) dans votre vie sociale et vos relations avec les autres ?',
        'During the past 4 weeks, to what extent has your physical health or emotional problems interfered with your normal social activities?',
      ),
      answers: EXTENT,
    },
    {
      label: '7',
      text: t(
        'Au cours des 4 dernières semaines, quelle a été l’intensité de vos douleurs physiques ?',
        'How much bodily pain have you had during the past 4 weeks?',
      ),
      answers: PAIN,
    },
    {
      label: '8',
      text: t(
        'Au cours des 4 dernières semaines, dans quelle mesure vos douleurs physiques vous ont-elles limité(e) dans votre travail ou vos activités domestiques ?',
        'During the past 4 weeks, how much did pain interfere with your normal work?',
      ),
      answers: EXTENT,
    },
    { label: '9a', text: prefixed(MOOD, 'dynamique ?', 'full of life?'), answers: TIME },
    { label: '9b', text: prefixed(MOOD, 'très nerveux(se) ?', 'very nervous?'), answers: TIME },
    {
      label: '9c',
      text: prefixed(
        MOOD,
        'si découragé(e) que rien ne pouvait vous remonter le moral ?',
        'so down in the dumps that nothing could cheer you up?',
      ),
      answers: TIME,
    },
    { label: '9d', text: prefixed(MOOD, 'calme et détendu(e) ?', 'calm and peaceful?'), answers: TIME },
    {
      label: '9e',
      text: prefixed(MOOD, 'débordant(e) d’énergie ?', 'that you had a lot of energy?'),
      answers: TIME,
    },
    {
      label: '9f',
      text: prefixed(MOOD, 'triste et abattu(e) ?', 'downhearted and depressed?'),
      answers: TIME,
    },
    { label: '9g', text: prefixed(MOOD, 'épuisé(e) ?', 'worn out?'), answers: TIME },
    { label: '9h', text: prefixed(MOOD, 'heureux(se) ?', 'happy?'), answers: TIME },
    { label: '9i', text: prefixed(MOOD, 'fatigué(e) ?', 'tired?'), answers: TIME },
    {
      label: '10',
      text: t(
        'Au cours des 4 dernières semaines, y a-t-il eu des moments où votre état physique ou émotionnel vous a gêné(e) dans votre vie sociale (voir des amis, de la famille) ?',
        'During the past 4 weeks, how much of the time has your physical health or emotional problems interfered with your social activities (visiting friends, relatives)?',
      ),
      answers: TIME,
    },
    {
      label: '11a',
      text: t(
        'Je tombe malade plus facilement que les autres.',
        'I seem to get sick a little easier than other people.',
      ),
      answers: TRUE_FALSE,
    },
    {
      label: '11b',
      text: t('Je me porte aussi bien que n’importe qui.', 'I am as healthy as anybody I know.'),
      answers: TRUE_FALSE,
    },
    {
      label: '11c',
      text: t('Je m’attends à ce que ma santé se dégrade.', 'I expect my health to get worse.'),
      answers: TRUE_FALSE,
    },
    { label: '11d', text: t('Je suis en excellente santé.', 'My health is excellent.'), answers: TRUE_FALSE },
  ].map((item, index) => ({ ...item, number: index + 1 }));

const level = (dimension: Text, answers: readonly [string, string][]) => ({
  title: dimension,
  levels: answers.map(([fr, en]) => t(fr, en)),
});

/** EQ-5D-5L: each dimension's title and its five levels, level 1 first (no problems) to 5 (extreme). */
export const EQ5D_TEXTS: Record<Eq5dDimension, { title: Text; levels: readonly Text[] }> = {
  mobility: level(t('Mobilité', 'Mobility'), [
    ['Je n’ai aucun problème pour me déplacer à pied', 'I have no problems in walking about'],
    ['J’ai des problèmes légers pour me déplacer à pied', 'I have slight problems in walking about'],
    ['J’ai des problèmes modérés pour me déplacer à pied', 'I have moderate problems in walking about'],
    ['J’ai des problèmes sévères pour me déplacer à pied', 'I have severe problems in walking about'],
    ['Je suis incapable de me déplacer à pied', 'I am unable to walk about'],
  ]),
  selfCare: level(t('Autonomie de la personne', 'Self-care'), [
    [
      'Je n’ai aucun problème pour me laver ou m’habiller tout(e) seul(e)',
      'I have no problems washing or dressing myself',
    ],
    [
      'J’ai des problèmes légers pour me laver ou m’habiller tout(e) seul(e)',
      'I have slight problems washing or dressing myself',
    ],
    [
      'J’ai des problèmes modérés pour me laver ou m’habiller tout(e) seul(e)',
      'I have moderate problems washing or dressing myself',
    ],
    [
      'J’ai des problèmes sévères pour me laver ou m’habiller tout(e) seul(e)',
      'I have severe problems washing or dressing myself',
    ],
    ['Je suis incapable de me laver ou de m’habiller tout(e) seul(e)', 'I am unable to wash or dress myself'],
  ]),
  usualActivities: level(
    t(
      'Activités courantes (travail, études, travaux domestiques, loisirs)',
      'Usual activities (work, study, housework, leisure)',
    ),
    [
      [
        'Je n’ai aucun problème pour accomplir mes activités courantes',
        'I have no problems doing my usual activities',
      ],
      [
        'J’ai des problèmes légers pour accomplir mes activités courantes',
        'I have slight problems doing my usual activities',
      ],
      [
        'J’ai des problèmes modérés pour accomplir mes activités courantes',
        'I have moderate problems doing my usual activities',
      ],
      [
        'J’ai des problèmes sévères pour accomplir mes activités courantes',
        'I have severe problems doing my usual activities',
      ],
      ['Je suis incapable d’accomplir mes activités courantes', 'I am unable to do my usual activities'],
    ],
  ),
  painDiscomfort: level(t('Douleurs / gêne', 'Pain / discomfort'), [
    ['Je n’ai ni douleur, ni gêne', 'I have no pain or discomfort'],
    ['J’ai des douleurs ou une gêne légère(s)', 'I have slight pain or discomfort'],
    ['J’ai des douleurs ou une gêne modérée(s)', 'I have moderate pain or discomfort'],
    ['J’ai des douleurs ou une gêne sévère(s)', 'I have severe pain or discomfort'],
    ['J’ai des douleurs ou une gêne extrême(s)', 'I have extreme pain or discomfort'],
  ]),
  anxietyDepression: level(t('Anxiété / dépression', 'Anxiety / depression'), [
    ['Je ne suis ni anxieux(se), ni déprimé(e)', 'I am not anxious or depressed'],
    ['Je suis légèrement anxieux(se) ou déprimé(e)', 'I am slightly anxious or depressed'],
    ['Je suis modérément anxieux(se) ou déprimé(e)', 'I am moderately anxious or depressed'],
    ['Je suis sévèrement anxieux(se) ou déprimé(e)', 'I am severely anxious or depressed'],
    ['Je suis extrêmement anxieux(se) ou déprimé(e)', 'I am extremely anxious or depressed'],
  ]),
};

export const EQ5D_VAS_TEXT = t(
  'Nous aimerions savoir dans quelle mesure votre santé est bonne ou mauvaise AUJOURD’HUI : 100 = la meilleure santé que vous puissiez imaginer, 0 = la pire.',
  'We would like to know how good or bad your health is TODAY: 100 = the best health you can imagine, 0 = the worst.',
);
