import {
  AuditInput,
  MethodLogging,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/** One method (or route) and the settings that apply to it. */
export interface EffectiveMethod {
  /** `*` + `/*` for the stage default, else the methodSettings/route key. */
  key: string;
  label: string;
  loggingLevel: string;
  dataTraceEnabled: boolean;
}

/** Label of the stage-wide default, by API type. */
export function defaultLabel(input: AuditInput): string {
  return input.stage.apiType === 'REST'
    ? 'every method without an override (*/*)'
    : 'every route without an override (default route settings)';
}

/**
 * The stage default and every override, each with its effective settings:
 * the override's own value, else the default's, else OFF / false (AWS's
 * behaviour when nothing is set).
 */
export function effectiveMethods(input: AuditInput): EffectiveMethod[] {
  const defaults: MethodLogging = input.stage.defaults ?? {};
  const level = (m: MethodLogging) =>
    (m.loggingLevel ?? defaults.loggingLevel ?? 'OFF').toUpperCase();
  const trace = (m: MethodLogging) =>
    m.dataTraceEnabled ?? defaults.dataTraceEnabled ?? false;
  return [
    {
      key: '*/*',
      label: defaultLabel(input),
      loggingLevel: level(defaults),
      dataTraceEnabled: trace(defaults),
    },
    ...input.stage.overrides.map(o => ({
      key: o.key,
      label: o.label,
      loggingLevel: level(o),
      dataTraceEnabled: trace(o),
    })),
  ];
}

/** Whether the stage writes execution logs at all (any method not OFF). */
export function writesExecutionLogs(input: AuditInput): boolean {
  return (
    input.stage.apiType !== 'HTTP' &&
    effectiveMethods(input).some(m => m.loggingLevel !== 'OFF')
  );
}
