import { ReactNode, useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import MuiLink from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { FailureItem } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { StageInfo, stageLabel } from '../../lib/stages';
import { TABLE_OPTIONS } from '../../lib/tables';
import { shortenMasks } from '../../lib/text';
import { formatFullTime, formatTime } from '../../lib/time';
import { Breakable } from '../Breakable';
import { CategoryLabel } from '../CategoryLabel';
import { REMOTE_TABLE_COMPONENTS } from '../TableLoading';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const useStyles = makeStyles(theme => ({
  mono: { fontFamily: MONO, fontSize: '0.8125rem' },
  secondary: { color: theme.palette.text.secondary, fontSize: '0.75rem' },
  requestId: {
    fontFamily: MONO,
    fontSize: '0.75rem',
    textAlign: 'left',
    overflowWrap: 'anywhere',
  },
  // Long reasons stay within two lines; the full text is in the tooltip
  // and the trace.
  clamp: {
    lineHeight: 1.45,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  oneLine: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  status: { fontWeight: theme.typography.fontWeightMedium as number },
}));

/** A table row: material-table keeps row state by a unique `id`. */
export type FailureRow = FailureItem & { id: string };

/** The row of a failure: its id is its stage and request id. */
export function toRow(item: FailureItem): FailureRow {
  return { ...item, id: `${item.stageArn}|${item.requestId}` };
}

/** A page of rows, as the Table's remote data asks for it. */
export interface FailuresPageQuery {
  page: number;
  pageSize: number;
}

/** Rows per page the table offers; the backend allows up to 100. */
export const PAGE_SIZES = [20, 50, 100];

/**
 * The failed requests of an entity, paged by the Backstage Table with the
 * backend's cursor behind its pager (remote data). Reason and request id,
 * what on-call needs most, are always shown, the category leading the
 * reason; under 1280 px wide, time, stage and request share a column.
 */
export function FailuresTable(props: {
  data: (query: FailuresPageQuery) => Promise<{
    data: FailureRow[];
    page: number;
    totalCount: number;
  }>;
  /** The entity's stages, to label each row's stage unambiguously. */
  stages: StageInfo[];
  /** Whether rows name their stage (not when one stage is filtered). */
  showStage: boolean;
  onSelect: (item: FailureItem) => void;
  emptyContent: ReactNode;
}) {
  const { data, stages, showStage, onSelect, emptyContent } = props;
  const classes = useStyles();
  const { zone, label: zoneName } = useTimeZone();
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'));

  const columns = useMemo(() => {
    const time = (item: FailureRow) => (
      <Tooltip title={formatFullTime(item.time, zone)}>
        <span className={classes.mono}>{formatTime(item.time, zone)}</span>
      </Tooltip>
    );
    const stage = (item: FailureRow) =>
      stageLabel(
        stages.find(s => s.arn === item.stageArn) ?? {
          arn: item.stageArn,
          stageName: item.stageName,
        },
        stages,
      );
    // One line: a long path ends in an ellipsis (whole in its tooltip and
    // in the trace), so rows stay at most two lines tall.
    const request = (item: FailureRow, stageName?: string) => {
      const text = [item.httpMethod, item.resourcePath]
        .filter(Boolean)
        .join(' ');
      return (
        <div className={`${classes.mono} ${classes.oneLine}`} title={text}>
          {stageName && (
            <span className={classes.secondary}>{stageName} · </span>
          )}
          <span className={classes.status}>{item.status ?? '—'}</span> {text}
        </div>
      );
    };
    // The category (its colour as in the chart) leads the reason.
    const reason = (item: FailureRow) => {
      const text = shortenMasks(item.reason);
      return (
        <Tooltip title={text} enterDelay={600}>
          <div className={classes.clamp}>
            <CategoryLabel category={item.category} />
            {' · '}
            {text}
          </div>
        </Tooltip>
      );
    };
    const requestId = (item: FailureRow) => (
      <MuiLink
        component="button"
        className={classes.requestId}
        aria-label={`Trace of request ${item.requestId}`}
        onClick={(e: { stopPropagation: () => void }) => {
          e.stopPropagation();
          onSelect(item);
        }}
      >
        {wide ? item.requestId : <Breakable text={item.requestId} />}
      </MuiLink>
    );
    const timeTitle = `Time (${zone === 'utc' ? 'UTC' : 'local'})`;
    const list: TableColumn<FailureRow>[] = wide
      ? [
          {
            title: timeTitle,
            width: '112px',
            cellStyle: { whiteSpace: 'nowrap' },
            render: time,
          },
          ...(showStage
            ? [{ title: 'Stage', width: '80px', render: stage }]
            : []),
          {
            title: 'Request',
            width: '190px',
            render: item => request(item),
          },
          { title: 'Reason', render: item => reason(item) },
          {
            title: 'Request ID',
            width: '290px',
            cellStyle: { whiteSpace: 'nowrap' },
            render: requestId,
          },
        ]
      : [
          {
            // The time over the stage and request: one column less, two
            // lines whatever the date or path.
            title: `${timeTitle} · request`,
            width: '180px',
            render: item => (
              <>
                <div className={classes.oneLine}>{time(item)}</div>
                {request(item, showStage ? stage(item) : undefined)}
              </>
            ),
          },
          { title: 'Reason', render: item => reason(item) },
          {
            title: 'Request ID',
            width: '180px',
            render: requestId,
          },
        ];
    return list;
  }, [classes, zone, wide, showStage, stages, onSelect]);

  return (
    <>
      <Typography variant="srOnly">Times are in {zoneName}.</Typography>
      <Table<FailureRow>
        options={{
          paging: true,
          pageSize: 50,
          pageSizeOptions: PAGE_SIZES,
          // The backend pages with a cursor: one step at a time.
          showFirstLastPageButtons: false,
          ...TABLE_OPTIONS,
          toolbar: false,
          // Column widths as given; the reason takes the rest.
          tableLayout: 'fixed',
          // A short last page ends with its rows, not a block of blanks.
          emptyRowsWhenPaging: false,
        }}
        localization={{ body: { emptyDataSourceMessage: emptyContent } }}
        columns={columns}
        data={data}
        components={REMOTE_TABLE_COMPONENTS}
        onRowClick={(_e, item) => item && onSelect(item)}
      />
    </>
  );
}
