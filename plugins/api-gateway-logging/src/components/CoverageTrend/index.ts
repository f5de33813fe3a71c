export { CoverageTrend } from './CoverageTrend';
