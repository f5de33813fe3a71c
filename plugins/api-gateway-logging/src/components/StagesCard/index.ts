export { StagesCard } from './StagesCard';
