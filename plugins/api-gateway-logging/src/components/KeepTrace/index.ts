export { KeepTrace, KeptNote, ticketUrlProblem } from './KeepTrace';
