// The public API of Chevet's clinical core. Contract: shared/clinical/domain-api.md — names and shapes fixed.
// Every export is a pure function or plain data; time is always a parameter, never read from the clock.
export * from './result';
export * from './instruments';
export * from './endpoints';
export * from './safety';
/** Infusion related reaction and allergic reaction both ticked at one check: ask which applies (NCI: do not report both), the other is its sign. */
export { reconcileInfusionReaction } from './safety';
export * from './dosing';
export * from './schedule';
export * from './eligibility';
export * from './trial-config';
export * from './infusion';
export * from './monitoring';
export * from './dsmb-report';
