export { Breakable } from './Breakable';
