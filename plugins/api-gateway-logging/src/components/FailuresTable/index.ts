export { FailuresTable, type Paging } from './FailuresTable';
