export { TraceSearchForm, type TraceSearch } from './TraceSearchForm';
