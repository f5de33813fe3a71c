export { TraceLinkActions } from './TraceLinkActions';
