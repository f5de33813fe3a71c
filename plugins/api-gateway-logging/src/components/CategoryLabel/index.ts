export { CategoryLabel } from './CategoryLabel';
