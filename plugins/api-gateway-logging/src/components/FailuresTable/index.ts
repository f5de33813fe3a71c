export {
  FailuresTable,
  toRow,
  PAGE_SIZES,
  type FailureRow,
  type FailuresPageQuery,
} from './FailuresTable';
