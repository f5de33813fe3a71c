import {
  ApiGatewayLoggingChecksExtensionPoint,
  ApiGatewayLoggingLogSourcesExtensionPoint,
  ApiGatewayLoggingPolicyExtensionPoint,
  AuditCheck,
  AuditInputReader,
  LogSource,
  PolicyProvider,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { CollectedExtensions } from './ExtensionRegistry';

/**
 * The implementations of the three extension points: they collect what
 * modules add during registration, before any service exists; the plugin
 * hands the collection to the {@link ExtensionRegistry} at init.
 */
export class ExtensionCollector
  implements
    ApiGatewayLoggingChecksExtensionPoint,
    ApiGatewayLoggingPolicyExtensionPoint,
    ApiGatewayLoggingLogSourcesExtensionPoint
{
  private readonly collected: CollectedExtensions = {
    checks: [],
    inputReaders: [],
    logSources: [],
  };

  constructor(builtInChecks: readonly AuditCheck[]) {
    // The plugin's own checks come in through the same door as modules'.
    this.addChecks(...builtInChecks);
  }

  addChecks(...checks: AuditCheck[]): void {
    this.collected.checks.push(...checks);
  }

  addInputReaders(...readers: AuditInputReader[]): void {
    this.collected.inputReaders.push(...readers);
  }

  setPolicyProvider(provider: PolicyProvider): void {
    if (this.collected.policyProvider) {
      throw new Error(
        'api-gateway-logging: a policy provider is already set; install one module that decides the policy',
      );
    }
    this.collected.policyProvider = provider;
  }

  addLogSource(source: LogSource): void {
    this.collected.logSources.push(source);
  }

  extensions(): CollectedExtensions {
    return this.collected;
  }
}
