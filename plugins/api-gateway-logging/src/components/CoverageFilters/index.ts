export { CoverageFilters } from './CoverageFilters';
