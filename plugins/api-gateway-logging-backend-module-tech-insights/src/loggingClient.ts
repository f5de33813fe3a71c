import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  CoverageEntity,
  CoverageResponse,
  FailuresResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';

const PLUGIN_ID = 'api-gateway-logging';
/** The largest page `GET /audit` serves. */
const PAGE = 200;
const DAY_MS = 24 * 3_600_000;

/**
 * Reads the api-gateway-logging backend over HTTP with the tech-insights
 * plugin's own service credentials: a module of another plugin cannot reach
 * that plugin's services, and the routes apply the same permissions and
 * auditing to it as to anyone.
 */
export class ApiGatewayLoggingReader {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  /** Every entity of the stored coverage report, page by page. */
  async *coverage(): AsyncGenerator<CoverageEntity> {
    let offset = 0;
    for (;;) {
      const page = await this.get<CoverageResponse>(
        `/audit?sort=name&offset=${offset}&limit=${PAGE}`,
      );
      yield* page.entities;
      offset += page.entities.length;
      if (!page.entities.length || offset >= page.total) return;
    }
  }

  /** An entity's failed requests in the 24 hours before `now`. */
  async failuresLastDay(
    entityRef: string,
    now: number,
  ): Promise<FailuresResponse> {
    const { namespace, kind, name } = parseEntityRef(entityRef);
    const path = [namespace, kind, name].map(encodeURIComponent).join('/');
    const from = new Date(now - DAY_MS).toISOString();
    const to = new Date(now).toISOString();
    return this.get<FailuresResponse>(
      `/entities/${path}/failures?from=${from}&to=${to}&limit=1`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discovery.getBaseUrl(PLUGIN_ID);
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
