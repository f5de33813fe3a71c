export { TracePhases } from './TracePhases';
