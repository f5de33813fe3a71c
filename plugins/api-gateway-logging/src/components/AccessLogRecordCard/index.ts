export { AccessLogRecordCard } from './AccessLogRecordCard';
