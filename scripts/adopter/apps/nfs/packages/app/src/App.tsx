// A minimal app on the new frontend system, as `@backstage/create-app`
// lays it out; `adopter:` markers are where the READMEs' snippets go.
import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { ProxiedSignInPage } from '@backstage/core-components';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
// adopter:imports

// Guest sign-in without a click, so a fresh browser lands in the app.
const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props =>
          <ProxiedSignInPage {...props} provider="guest" />,
      },
    }),
  ],
});

export default createApp({
  features: [
    catalogPlugin,
    signInModule,
    // adopter:features
  ],
});
