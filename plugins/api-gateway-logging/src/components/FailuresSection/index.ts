export { FailuresSection } from './FailuresSection';
