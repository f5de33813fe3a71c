import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. The
// chart then renders with no size, which is enough for the tests.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;

// Rendering a page of a few hundred table rows takes seconds when the
// whole suite shares two cores (CI): jest's 5 s default fails such tests
// at random. Timeouts here are a ceiling, not a performance target.
jest.setTimeout(30_000);
// The same for findBy* and waitFor, whose default is 1 s.
configure({ asyncUtilTimeout: 10_000 });
