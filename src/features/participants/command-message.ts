// Moved to src/db so that every feature's forms share it; kept here for the existing imports.
export { commandMessage } from '@/db/command-message';
