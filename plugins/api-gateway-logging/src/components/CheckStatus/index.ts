export { CheckStatus } from './CheckStatus';
