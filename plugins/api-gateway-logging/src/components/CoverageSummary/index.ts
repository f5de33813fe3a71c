export { CoverageSummary } from './CoverageSummary';
