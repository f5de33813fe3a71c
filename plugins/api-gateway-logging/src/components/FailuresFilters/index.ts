export { FailuresFilters, type FailuresFilterValue } from './FailuresFilters';
