import type { Catalogue } from './fr';

// English catalogue, loaded on demand. Same keys as fr.ts (the type checks it).
const en: Catalogue = {
  app: {
    name: 'Chevet',
    tagline: 'MSC-LES trial — bedside data capture',
    skipToContent: 'Skip to content',
  },
  nav: { home: 'Home', settings: 'Settings', main: 'Main navigation' },
  language: { label: 'Language', fr: 'Français', en: 'English', switchTo: 'Français' },
  home: {
    title: 'Welcome',
    intro:
      'Chevet supports the mesenchymal stem-cell infusion and the 10-day tolerance monitoring, then follow-up from M0 to M12. Everything works without a network; data syncs when the connection returns.',
    offlineReady: 'The app is ready to work offline.',
    online: 'Online',
    offline: 'Offline',
  },
  settings: {
    title: 'Settings',
    version: 'App version: {{version}}',
    language: 'Interface language',
  },
  update: {
    available: 'A new version of Chevet is available.',
    apply: 'Update',
    later: 'Later',
    blockedDuringBedside: 'A bedside session is in progress: the update will wait until you finish it.',
    reloadToFinish: 'Update installed. Reload when you have finished.',
    reload: 'Reload',
  },
  notFound: { title: 'Page not found', back: 'Back to home' },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
    detail: 'What you already entered is kept on this tablet.',
  },
  loading: 'Loading…',
};
export default en;
