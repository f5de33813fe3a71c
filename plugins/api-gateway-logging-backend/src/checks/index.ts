import { AuditCheck } from '@apigw-logging/plugin-api-gateway-logging-node';
import { accessLogFormatCheck } from './accessLogFormat';
import { accessLoggingCheck } from './accessLogging';
import { cloudwatchRoleCheck } from './cloudwatchRole';
import { dataTraceCheck } from './dataTrace';
import { detailedMetricsCheck } from './detailedMetrics';
import { executionLoggingCheck } from './executionLogging';
import { logEncryptionCheck } from './logEncryption';
import { logRetentionCheck } from './logRetention';
import { xrayTracingCheck } from './xrayTracing';

/**
 * The plugin's own checks, in the order they are shown. They are added
 * through the checks extension point like any module's, so a module can
 * replace one by its id.
 */
export const BUILT_IN_CHECKS: readonly AuditCheck[] = [
  executionLoggingCheck,
  accessLoggingCheck,
  accessLogFormatCheck,
  dataTraceCheck,
  detailedMetricsCheck,
  xrayTracingCheck,
  cloudwatchRoleCheck,
  logRetentionCheck,
  logEncryptionCheck,
];
