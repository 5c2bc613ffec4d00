// What other workflows show of the dose decision (the DSMB report, issue 24): its chart and its recommendation,
// with the screening messages they speak.
import './messages';
export { PosteriorChart } from './PosteriorChart';
export { Recommendation } from './Recommendation';
