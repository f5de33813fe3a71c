export { BlindSpots } from './BlindSpots';
