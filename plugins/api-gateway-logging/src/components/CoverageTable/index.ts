export { CoverageTable } from './CoverageTable';
