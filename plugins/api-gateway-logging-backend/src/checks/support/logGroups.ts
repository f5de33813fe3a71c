import {
  AuditInput,
  LogGroupError,
  LogGroupInfo,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { writesExecutionLogs } from './methods';

/** A log group the stage writes to, and which kind of log it holds. */
export interface AuditedLogGroup {
  kind: 'execution' | 'access';
  lookup: LogGroupInfo | LogGroupError;
}

/** Whether a lookup failed. */
export function isLookupError(
  lookup: LogGroupInfo | LogGroupError,
): lookup is LogGroupError {
  return 'error' in lookup;
}

/**
 * The log groups that matter: the access log group when access logs go to
 * CloudWatch Logs, and the execution log group when some method logs (or
 * when it exists, holding older logs).
 */
export function auditedLogGroups(input: AuditInput): AuditedLogGroup[] {
  const groups: AuditedLogGroup[] = [];
  const { execution, access } = input.logGroups;
  if (
    execution &&
    (writesExecutionLogs(input) || isLookupError(execution) || execution.exists)
  ) {
    groups.push({ kind: 'execution', lookup: execution });
  }
  if (access) groups.push({ kind: 'access', lookup: access });
  return groups;
}
