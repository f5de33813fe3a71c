export { SweepStatusLine } from './SweepStatusLine';
