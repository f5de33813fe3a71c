import {
  AUDIT_CHECK_IDS,
  CheckDescriptor,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AuditCheck,
  AuditInputReader,
  BUILT_IN_AUDIT_INPUTS,
  LogSource,
  LoggingPolicy,
  PolicyProvider,
  StagePolicyContext,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/** What modules added through the extension points, collected at registration. */
export interface CollectedExtensions {
  checks: AuditCheck[];
  inputReaders: AuditInputReader[];
  policyProvider?: PolicyProvider;
  logSources: LogSource[];
}

const CHECK_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The checks, input readers, policy provider and log sources the plugin
 * runs: its own and those of modules, which all come in through the
 * extension points. Filled once at startup; services read it per request.
 */
export class ExtensionRegistry {
  private readonly checks = new Map<string, AuditCheck>();
  private readonly readers = new Map<string, AuditInputReader>();
  private readonly sources: LogSource[];
  private policyProvider?: PolicyProvider;
  private installed = false;

  constructor(
    private readonly configuredPolicy: LoggingPolicy,
    builtInSources: LogSource[],
  ) {
    this.sources = [...builtInSources];
  }

  /**
   * Takes what the extension points collected. A check whose id is taken
   * replaces the earlier one (a module overriding a built-in check); a
   * check that reads an input nobody provides stops the backend at startup,
   * rather than erroring on every stage.
   */
  install(extensions: CollectedExtensions): void {
    if (this.installed) {
      throw new Error('api-gateway-logging: extensions are installed once');
    }
    this.installed = true;
    for (const reader of extensions.inputReaders) {
      this.readers.set(reader.id, reader);
    }
    for (const check of extensions.checks) {
      if (!CHECK_ID.test(check.id)) {
        throw new Error(
          `api-gateway-logging: check id ${JSON.stringify(
            check.id,
          )} must be lower-case letters, digits and dashes`,
        );
      }
      const unknown = check.reads.filter(
        id =>
          !(BUILT_IN_AUDIT_INPUTS as readonly string[]).includes(id) &&
          !this.readers.has(id),
      );
      if (unknown.length) {
        throw new Error(
          `api-gateway-logging: check ${check.id} reads ${unknown.join(
            ', ',
          )}, which no input reader provides; add one with addInputReaders`,
        );
      }
      this.checks.set(check.id, check);
    }
    this.policyProvider = extensions.policyProvider;
    this.sources.push(...extensions.logSources);
  }

  /** Every check, built-in ones first in their order, then modules' in theirs. */
  allChecks(): AuditCheck[] {
    return [...this.checks.values()];
  }

  /** The checks that run on a stage under a policy. */
  checksFor(policy: LoggingPolicy): AuditCheck[] {
    const off = new Set(policy.disabledChecks);
    return this.allChecks().filter(c => !off.has(c.id));
  }

  check(id: string): AuditCheck | undefined {
    return this.checks.get(id);
  }

  /** The catalogue `GET /checks` serves. */
  descriptors(): CheckDescriptor[] {
    return this.allChecks().map(c => ({
      id: c.id,
      title: c.title,
      severity: c.severity,
      description: c.description,
      reads: [...c.reads],
      builtIn: (AUDIT_CHECK_IDS as readonly string[]).includes(c.id),
    }));
  }

  inputReader(id: string): AuditInputReader | undefined {
    return this.readers.get(id);
  }

  logSources(): readonly LogSource[] {
    return this.sources;
  }

  logSource(id: string): LogSource | undefined {
    return this.sources.find(s => s.id === id);
  }

  async policyFor(
    context: Omit<StagePolicyContext, 'configured'>,
  ): Promise<LoggingPolicy> {
    if (!this.policyProvider) return this.configuredPolicy;
    return this.policyProvider.policyFor({
      ...context,
      configured: this.configuredPolicy,
    });
  }
}
