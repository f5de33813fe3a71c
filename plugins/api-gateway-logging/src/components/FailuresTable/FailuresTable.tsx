import { Table, TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import MuiLink from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import { FailureItem } from '@apigw-logging/plugin-api-gateway-logging-common';
import { CATEGORY_COLORS, CATEGORY_LABELS } from '../../lib/categories';
import { stageLabel } from '../../lib/stages';
import { formatFullTime, formatTime } from '../../lib/time';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const useStyles = makeStyles(theme => ({
  mono: { fontFamily: MONO, fontSize: '0.8125rem' },
  requestId: {
    fontFamily: MONO,
    fontSize: '0.75rem',
    textAlign: 'left',
    wordBreak: 'break-all',
  },
  category: { display: 'inline-flex', alignItems: 'center', gap: 6 },
  dot: { width: 10, height: 10, borderRadius: '50%', flex: 'none' },
  pager: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
  },
}));

/** Paging state for the table's footer. */
export interface Paging {
  /** 0-based page index. */
  page: number;
  pageSize: number;
  total: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

function Pager(props: { paging: Paging; shown: number }) {
  const { paging, shown } = props;
  const classes = useStyles();
  const first = paging.page * paging.pageSize + 1;
  return (
    <div className={classes.pager}>
      <Typography variant="body2" color="textSecondary">
        {shown === 0
          ? 'No rows'
          : `${first.toLocaleString()}–${(
              first +
              shown -
              1
            ).toLocaleString()} of ${paging.total.toLocaleString()}`}
      </Typography>
      <Button
        size="small"
        startIcon={<ChevronLeftIcon />}
        disabled={paging.page === 0}
        onClick={paging.onPrevious}
      >
        Previous
      </Button>
      <Button
        size="small"
        endIcon={<ChevronRightIcon />}
        disabled={!paging.hasNext}
        onClick={paging.onNext}
      >
        Next
      </Button>
    </div>
  );
}

/**
 * One page of failed requests. Paging is the server's (a cursor per page),
 * so thousands of failures never reach the browser at once.
 */
export function FailuresTable(props: {
  items: FailureItem[];
  stageArns: string[];
  paging: Paging;
  loading?: boolean;
  onSelect: (item: FailureItem) => void;
}) {
  const { items, stageArns, paging, loading, onSelect } = props;
  const classes = useStyles();
  const columns: TableColumn<FailureItem>[] = [
    {
      title: 'Time',
      cellStyle: { minWidth: 110, whiteSpace: 'nowrap' },
      render: item => (
        <Tooltip title={formatFullTime(item.time)}>
          <span className={classes.mono}>{formatTime(item.time)}</span>
        </Tooltip>
      ),
    },
    {
      title: 'Stage',
      cellStyle: { minWidth: 90 },
      render: item => stageLabel(item.stageArn, stageArns),
    },
    {
      title: 'Method and path',
      cellStyle: { minWidth: 150 },
      render: item => (
        <span className={classes.mono}>
          {[item.httpMethod, item.resourcePath].filter(Boolean).join(' ') ||
            '—'}
        </span>
      ),
    },
    {
      title: 'Status',
      cellStyle: { minWidth: 70 },
      render: item => item.status ?? '—',
    },
    {
      title: 'Category',
      cellStyle: { minWidth: 170 },
      render: item => (
        <span className={classes.category}>
          <span
            className={classes.dot}
            style={{ backgroundColor: CATEGORY_COLORS[item.category] }}
          />
          {CATEGORY_LABELS[item.category] ?? item.category}
        </span>
      ),
    },
    {
      title: 'Reason',
      field: 'reason',
      cellStyle: { minWidth: 240 },
    },
    {
      title: 'Request id',
      cellStyle: { minWidth: 250 },
      render: item => (
        <MuiLink
          component="button"
          className={classes.requestId}
          onClick={(e: { stopPropagation: () => void }) => {
            e.stopPropagation();
            onSelect(item);
          }}
        >
          {item.requestId}
        </MuiLink>
      ),
    },
  ];
  return (
    <>
      <Table<FailureItem>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
          sorting: false,
          draggable: false,
        }}
        isLoading={loading}
        columns={columns}
        data={items}
        onRowClick={(_e, item) => item && onSelect(item)}
      />
      <Pager paging={paging} shown={items.length} />
    </>
  );
}
