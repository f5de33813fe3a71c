export {
  TracePanel,
  TRACE_ERROR_TITLES,
  rewriteTraceMessage,
} from './TracePanel';
