import type tabFr from './tab.fr';

// Issue 17 — one active tab per tablet.
const tabEn: typeof tabFr = {
  title: 'Chevet is open in another tab',
  explain:
    'Only one tab may use Chevet on this tablet, so that entries and sync stay consistent. You can use it here: the other tab will stop (nothing is lost).',
  lost: 'Chevet is now in use in another tab: this tab has stopped, nothing is lost. You can take it back here.',
  useHere: 'Use here',
};
export default tabEn;
