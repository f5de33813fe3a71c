import {
  AUDIT_CHECK_IDS,
  AuditCheckResult,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import { result } from '../result';
import { checkAccessLogFormat } from './accessLogFormat';
import { checkAccessLogging } from './accessLogging';
import { checkCloudwatchRole } from './cloudwatchRole';
import { checkDataTrace } from './dataTrace';
import { checkDetailedMetrics } from './detailedMetrics';
import { checkExecutionLogging } from './executionLogging';
import { checkLogEncryption } from './logEncryption';
import { checkLogRetention } from './logRetention';
import { checkXrayTracing } from './xrayTracing';

/** Runs every check on one stage, in the order of AUDIT_CHECK_IDS. */
export function runChecks(
  input: AuditInput,
  policy: AuditPolicy,
): AuditCheckResult[] {
  return [
    checkExecutionLogging(input, policy),
    checkAccessLogging(input),
    checkAccessLogFormat(input, policy),
    checkDataTrace(input, policy),
    checkDetailedMetrics(input, policy),
    checkXrayTracing(input, policy),
    checkCloudwatchRole(input),
    checkLogRetention(input, policy),
    checkLogEncryption(input, policy),
  ];
}

/**
 * Every check as `error` with the same message: the stage itself could not
 * be read (access denied, missing stage, throttling), so nothing can be said.
 */
export function errorChecks(
  message: string,
  evidence: Record<string, string> = {},
): AuditCheckResult[] {
  return AUDIT_CHECK_IDS.map(id =>
    result(id, 'high', 'error', message, evidence),
  );
}
