export { TracePanel, TRACE_ERROR_TITLES } from './TracePanel';
