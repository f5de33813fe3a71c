export { RecheckButton } from './RecheckButton';
