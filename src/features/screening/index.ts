// What other workflows show of the dose decision (the DSMB report, issue 24): the decision's summary (chart,
// recommendation), with the screening messages they speak.
import './messages';
export { DecisionSummary } from './DecisionSummary';
export { PosteriorChart } from './PosteriorChart';
export { Recommendation } from './Recommendation';
