/**
 * The api-gateway-logging frontend plugin for Backstage's new frontend
 * system, as this package's `/alpha` entry point's default export.
 *
 * @packageDocumentation
 */
import * as frontendPluginApi from '@backstage/frontend-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import ListAltIcon from '@material-ui/icons/ListAlt';
import { apiGatewayLoggingApiRef } from './api/ApiGatewayLoggingApi';
import { ApiGatewayLoggingClient } from './api/ApiGatewayLoggingClient';
import { isApiGatewayLoggingAvailable } from './isApiGatewayLoggingAvailable';
import {
  entityContentRouteRef,
  rootRouteRef,
  traceRouteRef,
  traceSearchRouteRef,
} from './routes';

const TITLE = 'API Gateway logging';

/**
 * Where the tab shows: every API (without annotations it says which one to
 * add), and any other entity that carries the annotations.
 */
function showsTab(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'api' ||
    isApiGatewayLoggingAvailable(entity)
  );
}

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: apiGatewayLoggingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApiGatewayLoggingClient({ discoveryApi, fetchApi }),
    }),
});

// `title`, `icon` and `noHeader` are read by @backstage/frontend-plugin-api
// 0.14 and later (Backstage 1.48+): the sidebar entry comes from the page
// itself, and the app draws a header unless told not to (our pages draw
// their own). 0.12 ignores them and takes the nav item below instead.
const pageParams = {
  path: '/api-gateway-logging',
  routeRef: convertLegacyRouteRef(rootRouteRef),
  loader: () =>
    import('./components/ApiGatewayLoggingPage').then(m =>
      compatWrapper(<m.ApiGatewayLoggingPage />),
    ),
  title: TITLE,
  icon: <ListAltIcon />,
  noHeader: true,
};

/** The coverage page, and the trace pages under it (`traces/:requestId`). */
const page = PageBlueprint.make({ params: pageParams });

// Until @backstage/frontend-plugin-api 0.13 (Backstage 1.47) the sidebar
// entry is a NavItemBlueprint extension. From 0.14 on, pages carry a title
// and an icon (`coreExtensionData.icon` appears), the app infers its nav from
// them and NavItemBlueprint is deprecated (then removed in 0.17): offering
// both would risk a second entry. Looked up by name so that bundlers do not
// warn about an export that may be absent.
const NavItemBlueprint = Reflect.get(frontendPluginApi, 'NavItemBlueprint') as
  | typeof frontendPluginApi.NavItemBlueprint
  | undefined;
const pagesMakeNavItems = 'icon' in frontendPluginApi.coreExtensionData;

const navItems =
  NavItemBlueprint && !pagesMakeNavItems
    ? [
        NavItemBlueprint.make({
          params: {
            title: TITLE,
            icon: ListAltIcon,
            routeRef: convertLegacyRouteRef(rootRouteRef),
          },
        }),
      ]
    : [];

/** The entity tab, at `<entity page>/api-gateway-logging`. */
const entityContent = EntityContentBlueprint.make({
  params: {
    path: '/api-gateway-logging',
    title: TITLE,
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: showsTab,
    loader: () =>
      import('./components/EntityApiGatewayLoggingContent').then(m =>
        compatWrapper(<m.EntityApiGatewayLoggingContent />),
      ),
  },
});

/** The overview card, on entities that carry the annotations. */
const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isApiGatewayLoggingAvailable,
    loader: () =>
      import('./components/EntityApiGatewayLoggingCard').then(m =>
        compatWrapper(<m.EntityApiGatewayLoggingCard />),
      ),
  },
});

/**
 * The api-gateway-logging plugin for the new frontend system: the client
 * API, the coverage and trace page with its nav item, the entity tab and the
 * overview card. A default export, as app feature discovery expects.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'api-gateway-logging',
  extensions: [api, page, ...navItems, entityContent, entityCard],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
    trace: traceRouteRef,
    traceSearch: traceSearchRouteRef,
  }),
});
