export { TimeZoneSwitch } from './TimeZoneSwitch';
