import { Navigate, Route } from 'react-router-dom';
import { apiDocsPlugin, ApiExplorerPage } from '@backstage/plugin-api-docs';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import {
  AlertDisplay,
  OAuthRequestDialog,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { createApp } from '@backstage/app-defaults';
import {
  themes as builtinThemes,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { AppTheme } from '@backstage/core-plugin-api';
import CssBaseline from '@material-ui/core/CssBaseline';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { ApiGatewayLoggingPage } from '@apigw-logging/plugin-api-gateway-logging';
import { apis } from './apis';
import { entityPage } from './components/catalog/EntityPage';
import { Root } from './components/Root';

// @backstage/theme 0.7 dropped the CssBaseline that UnifiedThemeProvider
// used to render; without it the page has no font family (browsers fall back
// to a serif font, most visibly in table cells), the body keeps its margin
// and boxes use content-box sizing. Upstream's fix is the global CSS of
// @backstage/ui; until that package is added, MUI's own baseline restores
// the same defaults from the theme.
const themes: AppTheme[] = [
  {
    id: 'light',
    title: 'Light Theme',
    variant: 'light',
    icon: <LightIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={builtinThemes.light}>
        <CssBaseline />
        {children}
      </UnifiedThemeProvider>
    ),
  },
  {
    id: 'dark',
    title: 'Dark Theme',
    variant: 'dark',
    icon: <DarkIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={builtinThemes.dark}>
        <CssBaseline />
        {children}
      </UnifiedThemeProvider>
    ),
  },
];

const app = createApp({
  apis,
  themes,
  bindRoutes({ bind }) {
    bind(catalogPlugin.externalRoutes, {});
    bind(apiDocsPlugin.externalRoutes, {});
  },
  components: {
    // Guest sign-in without a click, so a fresh browser (and the browser
    // test) lands straight in the app. Local use only.
    SignInPage: props => <ProxiedSignInPage {...props} provider="guest" />,
  },
});

const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route path="/catalog" element={<CatalogIndexPage />} />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route path="/api-docs" element={<ApiExplorerPage />} />
    {/* Coverage across the catalog, and request traces at
        /api-gateway-logging/traces/:requestId?entity=&stage=&around= */}
    <Route path="/api-gateway-logging" element={<ApiGatewayLoggingPage />} />
  </FlatRoutes>
);

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <AppRouter>
      <Root>{routes}</Root>
    </AppRouter>
  </>,
);
