export { ChecksCoverage, CoverageSummary } from './CoverageSummary';
