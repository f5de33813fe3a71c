export {
  TracePanel,
  PartialSearch,
  TRACE_ERROR_TITLES,
  rewriteTraceMessage,
} from './TracePanel';
