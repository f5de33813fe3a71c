// A minimal app on the legacy frontend system, as `@backstage/create-app`
// lays it out; `adopter:` markers are where the READMEs' snippets go.
import { Navigate, Route } from 'react-router-dom';
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
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { entityPage } from './components/catalog/EntityPage';
import { Root } from './components/Root/Root';
// adopter:imports

const app = createApp({
  bindRoutes({ bind }) {
    bind(catalogPlugin.externalRoutes, {});
  },
  components: {
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
    {/* adopter:routes */}
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
