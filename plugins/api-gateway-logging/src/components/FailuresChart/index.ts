export { FailuresChart } from './FailuresChart';
