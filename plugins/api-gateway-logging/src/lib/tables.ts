import { TableOptions } from '@backstage/core-components';

/**
 * The options every table of the plugin shares: dense rows, no search, and
 * no sorting or dragging of headers (their rows come in a meaningful order,
 * and draggable headers nest buttons inside buttons for screen readers).
 */
export const TABLE_OPTIONS: TableOptions = {
  search: false,
  padding: 'dense',
  sorting: false,
  draggable: false,
};

/** Rows with the unique `id` material-table keeps their state by. */
export function withIds<T>(
  rows: T[],
  id: (row: T) => string,
): Array<T & { id: string }> {
  return rows.map(row => ({ ...row, id: id(row) }));
}
