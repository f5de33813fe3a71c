export { FindingChips, type FindingChip } from './FindingChips';
