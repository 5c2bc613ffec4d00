// Messages of the infusion at the bedside (issue 21): the number pad, the alarms, the schedule labels and the
// infusion screens. Added into fr.ts with one line; infusion.en.ts has the same keys (the type checks it).
const infusionFr = {
  bedside: { openInfusion: 'Perfusion de cellules ▸' },
  pad: {
    values: 'Valeurs saisies',
    erase: 'Effacer',
    decimal: 'Virgule',
    next: 'Suivant ▸',
    bounds: 'Hors limites ({{min}}–{{max}})',
  },
  schedule: {
    baseline: 'Constantes de référence',
    infusion: 'Contrôle à {{minutes}} min',
    end: 'Fin de perfusion',
    postInfusion: 'Contrôle fin + {{minutes}} min',
    day: 'Contrôle J{{day}}',
    visit: 'Visite {{visit}}',
  },
  alarms: {
    due: 'Contrôle dû',
    overdue: 'En retard',
    dueAt: 'prévu à {{time}}',
    dueAt_otherDay: 'prévu le {{day}} à {{time}}',
    enter: 'Saisir',
    silence: 'Couper le son',
    more_one: '+ {{count}} autre',
    more_other: '+ {{count}} autres',
    muted: 'Son des alarmes coupé sur cette tablette',
    soundLocked: 'Touchez l’écran pour activer le son des alarmes',
    wakeLockRefused:
      'Le navigateur refuse de garder l’écran allumé : gardez la tablette active ou branchez-la.',
    wakeLockUnsupported: 'Ce navigateur ne peut pas garder l’écran allumé pendant la perfusion.',
    notificationTitle: '{{subject}} — {{check}}',
    notificationBody: 'Contrôle dû à {{time}}',
    lockDue: '{{check}} : dû depuis {{time}}',
    lockDue_otherDay: '{{check}} : dû depuis le {{day}} à {{time}}',
    lockOverdue: '{{check}} : en retard (prévu à {{time}})',
    lockOverdue_otherDay: '{{check}} : en retard (prévu le {{day}} à {{time}})',
    settingsTitle: 'Alarmes sur cette tablette',
    soundOn: 'Son des alarmes',
    volume: 'Volume',
    test: 'Essayer le son',
  },
};
export default infusionFr;
export type InfusionCatalogue = typeof infusionFr;
