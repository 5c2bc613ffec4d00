// What other workflows use of the conflicts workflow: the two sides of a record's open conflict.
export { conflictView, type ConflictView } from './conflict-view';
