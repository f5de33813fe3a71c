import {
  CHECK_STATUSES,
  CheckStatus,
  CoverageFilters,
  CoverageQuery,
  CoverageSort,
  StageStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** The sorts of the coverage page, as the backend names them. */
export const COVERAGE_SORTS: Array<{ id: CoverageSort; label: string }> = [
  { id: 'failing', label: 'Failing stages' },
  { id: 'coverage', label: 'Checks passing' },
  { id: 'name', label: 'Name' },
  { id: 'owner', label: 'Owner' },
  { id: 'checked', label: 'Last checked' },
];

/** The order a sort goes in unless told: names A to Z, numbers and times largest first. */
export function defaultOrder(sort: CoverageSort): 'asc' | 'desc' {
  return sort === 'name' || sort === 'owner' ? 'asc' : 'desc';
}

/** The backend's default sort: the most failing first. */
export const DEFAULT_SORT: CoverageSort = 'failing';

/** Rows per page the tables offer; the backend allows 1 to 200. */
export const PAGE_SIZES = [10, 25, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;

/** A page as the URL names it: `page` from 1, `size` rows. */
export interface PageParams {
  /** From 0. */
  page: number;
  size: number;
}

/**
 * The page in the URL (`?page=3&size=100`): any size the backend takes (1
 * to 200), so that a link keeps its page; other values give the first page
 * of 50.
 */
export function readPage(params: URLSearchParams): PageParams {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page - 1 : 0,
    size:
      Number.isInteger(size) && size >= 1 && size <= 200
        ? size
        : DEFAULT_PAGE_SIZE,
  };
}

/** The sizes a table offers: the usual ones and the URL's. */
export function pageSizeOptions(size: number): number[] {
  return [...new Set([...PAGE_SIZES, size])].sort((a, b) => a - b);
}

/** Sets the page in URL parameters, defaults left out. */
export function writePage(params: URLSearchParams, page: PageParams) {
  const next = new URLSearchParams(params);
  if (page.page > 0) next.set('page', String(page.page + 1));
  else next.delete('page');
  if (page.size !== DEFAULT_PAGE_SIZE) next.set('size', String(page.size));
  else next.delete('size');
  return next;
}

const CHECK_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A search as the URL has it: trimmed, at most 200 characters. */
function readSearch(params: URLSearchParams): string | undefined {
  const search = params.get('search')?.trim().slice(0, 200);
  return search || undefined;
}

/**
 * The coverage page's query from its URL: filters, search, sort and page
 * (`?owner=group:default/team-a&search=pay&sort=name&page=2`), so that any
 * view can be shared. Unknown values are ignored.
 */
export function readCoverageQuery(params: URLSearchParams): CoverageQuery {
  const check = params.get('check') ?? undefined;
  const status = params.get('status') ?? undefined;
  const sortParam = params.get('sort');
  const sort = COVERAGE_SORTS.find(s => s.id === sortParam)?.id ?? DEFAULT_SORT;
  const orderParam = params.get('order');
  const order =
    orderParam === 'asc' || orderParam === 'desc'
      ? orderParam
      : defaultOrder(sort);
  const { page, size } = readPage(params);
  const filters: CoverageFilters = {
    owner: params.get('owner') || undefined,
    system: params.get('system') || undefined,
    // Any check id: the backend knows its modules' checks, and says so
    // (400) for one it does not run.
    check: check && CHECK_ID.test(check) ? check : undefined,
    status: (CHECK_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as CheckStatus)
      : undefined,
    search: readSearch(params),
  };
  return {
    ...(Object.fromEntries(
      Object.entries(filters).filter(([, v]) => v !== undefined),
    ) as CoverageFilters),
    sort,
    order,
    offset: page * size,
    limit: size,
  };
}

/**
 * The URL parameters of a coverage query; defaults are left out so that
 * the plain page keeps a clean URL. Other parameters (the tab) are kept.
 */
export function writeCoverageQuery(
  params: URLSearchParams,
  query: CoverageQuery,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) =>
    value ? next.set(key, value) : next.delete(key);
  set('owner', query.owner);
  set('system', query.system);
  set('check', query.check);
  set('status', query.status);
  set('search', query.search?.trim());
  const sort = query.sort ?? DEFAULT_SORT;
  set('sort', sort === DEFAULT_SORT ? undefined : sort);
  set(
    'order',
    !query.order || query.order === defaultOrder(sort)
      ? undefined
      : query.order,
  );
  const size = query.limit ?? DEFAULT_PAGE_SIZE;
  return writePage(next, {
    page: Math.floor((query.offset ?? 0) / size),
    size,
  });
}

/** Whether a query selects part of the estate (the tiles then say how much). */
export function isFiltered(filters: CoverageFilters): boolean {
  return !!(
    filters.owner ||
    filters.system ||
    filters.check ||
    filters.status ||
    filters.search
  );
}

/** Every status of a stage, for the unclaimed stages' filter. */
export const STAGE_STATUSES: StageStatus[] = [
  'fail',
  'unreadable',
  'error',
  'warn',
  'pass',
];

/** The unclaimed stages' query from the URL (`?tab=unclaimed&search=&status=&page=`). */
export function readUnclaimedQuery(params: URLSearchParams) {
  const status = params.get('status');
  const { page, size } = readPage(params);
  return {
    search: readSearch(params),
    status: STAGE_STATUSES.find(s => s === status),
    offset: page * size,
    limit: size,
  };
}
