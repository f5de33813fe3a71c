/**
 * A module of the api-gateway-logging backend plugin: the `log-shipping`
 * check (each stage's log groups have a subscription filter to the central
 * store). Also the worked example of the plugin's extension points.
 *
 * @packageDocumentation
 */

export { logShippingModule as default } from './module';
export { logShippingCheck } from './logShippingCheck';
export {
  subscriptionFiltersReader,
  SUBSCRIPTION_FILTERS_INPUT,
} from './subscriptionFilters';
