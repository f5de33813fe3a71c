export { claimYaml, UnclaimedStages } from './UnclaimedStages';
