export { TraceDrawer } from './TraceDrawer';
