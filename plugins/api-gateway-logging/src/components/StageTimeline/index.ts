export { StageTimeline } from './StageTimeline';
