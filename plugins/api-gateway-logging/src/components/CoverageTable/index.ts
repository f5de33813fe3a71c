export { CoverageTable, type CoverageRow } from './CoverageTable';
