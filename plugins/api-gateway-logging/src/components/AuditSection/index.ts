export { AuditSection, AuditResult } from './AuditSection';
