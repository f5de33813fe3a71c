export {
  CoverageFilters,
  FilterRow,
  Picker,
  SearchField,
} from './CoverageFilters';
