import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TableProps } from '@backstage/core-components';

/** The remote data function of a Backstage Table, its query and result. */
type DataFn<Row extends object> = Extract<
  TableProps<Row>['data'],
  (...args: any[]) => any
>;
type Query<Row extends object> = Parameters<DataFn<Row>>[0];
type QueryResult<Row extends object> = Awaited<ReturnType<DataFn<Row>>>;

/**
 * A Backstage Table paged (and sorted) by the backend, its page and sort
 * kept in the URL so that any view can be shared: the table asks for a page
 * (remote data), `toParams` writes it into the URL, `load` fetches it.
 *
 * The table owns its page while it runs. A URL it did not write itself (a
 * filter changed, the back button, a pasted link) starts it again from the
 * URL: use `key` as the table's key and read its initial page from the URL.
 */
export function useUrlTable<Row extends object>(options: {
  /** The URL parameters for the page the table asks for. */
  toParams: (params: URLSearchParams, query: Query<Row>) => URLSearchParams;
  /** The rows of the page the URL parameters name, and how many in all. */
  load: (params: URLSearchParams) => Promise<{ rows: Row[]; total: number }>;
  /** The page (from 0) the URL names: where the table starts. */
  initialPage: (params: URLSearchParams) => number;
}) {
  const [params, setParams] = useSearchParams();
  const current = params.toString();
  const latest = useRef(params);
  latest.current = params;
  const written = useRef(current);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<Error>();
  const { toParams, load, initialPage } = options;
  const loadRef = useRef(load);
  loadRef.current = load;
  // material-table asks a remote table's first page as page 0 whatever its
  // initialPage: the first request of a generation takes the URL's page.
  const started = useRef(false);

  useEffect(() => {
    if (current !== written.current) {
      written.current = current;
      started.current = false;
      setGeneration(g => g + 1);
    }
  }, [current]);

  /** Writes the page into the URL (unless it is there) and loads it. */
  const fetchPage = useCallback(
    async (query: Query<Row>) => {
      const next = toParams(latest.current, query);
      const text = next.toString();
      if (text !== latest.current.toString()) {
        written.current = text;
        setParams(next, { replace: true });
      }
      return loadRef.current(next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setParams],
  );

  const data = useCallback(
    async (asked: Query<Row>): Promise<QueryResult<Row>> => {
      let query = started.current
        ? asked
        : { ...asked, page: initialPage(latest.current) };
      started.current = true;
      try {
        let { rows, total } = await fetchPage(query);
        // A page past the end (a link from when there were more): the
        // last page instead. (material-table would ask page 0 in a loop.)
        const last = Math.max(0, Math.ceil(total / query.pageSize) - 1);
        if (query.page > last) {
          query = { ...query, page: last };
          ({ rows, total } = await fetchPage(query));
        }
        setError(undefined);
        return { data: rows, page: query.page, totalCount: total };
      } catch (e) {
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    // A new generation: the table starts again with a new data function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [generation],
  );

  return { key: generation, data, error, params };
}
