export {
  CheckStatus,
  STAGE_STATUS_LABELS,
  StageStatusLabel,
} from './CheckStatus';
