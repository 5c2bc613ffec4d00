import type { InfusionCatalogue } from './infusion.fr';

// English messages of the infusion at the bedside; same keys as infusion.fr.ts.
const infusionEn: InfusionCatalogue = {
  bedside: { openInfusion: 'Cell infusion ▸' },
  pad: {
    values: 'Values entered',
    erase: 'Erase',
    decimal: 'Decimal point',
    next: 'Next ▸',
    bounds: 'Out of bounds ({{min}}–{{max}})',
  },
  schedule: {
    baseline: 'Baseline vital signs',
    infusion: '{{minutes}}-minute check',
    end: 'End of infusion',
    postInfusion: 'End + {{minutes}} min check',
    day: 'Day {{day}} check',
    visit: 'Visit {{visit}}',
  },
  alarms: {
    due: 'Check due',
    overdue: 'Overdue',
    dueAt: 'due at {{time}}',
    dueAt_otherDay: 'due on {{day}} at {{time}}',
    enter: 'Enter',
    silence: 'Silence',
    more_one: '+ {{count}} more',
    more_other: '+ {{count}} more',
    muted: 'Alarm sound is off on this tablet',
    soundLocked: 'Tap the screen to turn the alarm sound on',
    wakeLockRefused: 'The browser refuses to keep the screen on: keep the tablet awake or plug it in.',
    wakeLockUnsupported: 'This browser cannot keep the screen on during the infusion.',
    notificationTitle: '{{subject}} — {{check}}',
    notificationBody: 'Check due at {{time}}',
    lockDue: '{{check}}: due since {{time}}',
    lockDue_otherDay: '{{check}}: due since {{day}}, {{time}}',
    lockOverdue: '{{check}}: overdue (due at {{time}})',
    lockOverdue_otherDay: '{{check}}: overdue (due on {{day}} at {{time}})',
    settingsTitle: 'Alarms on this tablet',
    soundOn: 'Alarm sound',
    volume: 'Volume',
    test: 'Try the sound',
  },
};
export default infusionEn;
