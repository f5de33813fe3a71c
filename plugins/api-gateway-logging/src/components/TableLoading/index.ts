export { REMOTE_TABLE_COMPONENTS, TableLoading } from './TableLoading';
