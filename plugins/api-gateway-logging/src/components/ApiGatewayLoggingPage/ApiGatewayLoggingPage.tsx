import { Route, Routes } from 'react-router-dom';
import { CoveragePage } from '../CoveragePage';
import { TracePage } from '../TracePage';

/**
 * The plugin's page: the coverage report at its root, and the trace page at
 * `traces/:requestId` (or `traces` to search for one).
 *
 * @public
 */
export function ApiGatewayLoggingPage() {
  return (
    <Routes>
      <Route path="/" element={<CoveragePage />} />
      <Route path="/traces" element={<TracePage />} />
      <Route path="/traces/:requestId" element={<TracePage />} />
    </Routes>
  );
}
