export { LogVolumeCard } from './LogVolumeCard';
