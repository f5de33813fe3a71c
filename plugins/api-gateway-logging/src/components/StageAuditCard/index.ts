export { StageAuditCard } from './StageAuditCard';
