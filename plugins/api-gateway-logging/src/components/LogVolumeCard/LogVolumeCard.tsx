import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  StageAudit,
  StageLogVolume,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { formatAge } from '../../lib/time';
import { plural } from '../../lib/text';
import { formatBytes, formatUsd } from '../../lib/units';

const useStyles = makeStyles(theme => ({
  explain: { marginBottom: theme.spacing(2), maxWidth: '80ch' },
  number: { whiteSpace: 'nowrap' },
  chip: {
    marginLeft: theme.spacing(1),
    borderColor: theme.palette.warning.main,
  },
  total: {
    '& td': { fontWeight: theme.typography.fontWeightMedium as number },
  },
}));

/** Full request/response data logging is on when its check does not pass. */
function logsFullData(stage: StageAudit): boolean {
  const check = stage.checks.find(c => c.id === 'data-trace');
  return check?.status === 'fail' || check?.status === 'warn';
}

const monthly = (v: StageLogVolume) =>
  (v.estimatedMonthlyUsd.ingestion ?? 0) + v.estimatedMonthlyUsd.storage;

/**
 * A stage's monthly estimate. Without an ingestion metric only storage is
 * known: "at least", never a bare figure that reads as the whole bill.
 */
function Cost(props: { volume: StageLogVolume }) {
  const { volume } = props;
  const { ingestion, storage } = volume.estimatedMonthlyUsd;
  return (
    <>
      <strong>
        {ingestion === undefined ? 'at least ' : ''}
        {formatUsd(monthly(volume))}
      </strong>
      <Typography variant="caption" color="textSecondary" component="div">
        {ingestion === undefined
          ? `storage ${formatUsd(storage)}; ingestion unknown`
          : `ingestion ${formatUsd(ingestion)} + storage ${formatUsd(storage)}`}
      </Typography>
    </>
  );
}

/**
 * What each stage's logs weigh and cost: bytes stored, bytes taken in per
 * day and the estimated monthly CloudWatch Logs cost, with why INFO and
 * full data logging can be expensive. Nothing for stages never measured.
 */
export function LogVolumeCard(props: { stages: StageAudit[] }) {
  const classes = useStyles();
  const measured = props.stages.filter(
    (s): s is StageAudit & { logVolume: StageLogVolume } => !!s.logVolume,
  );
  if (props.stages.length === 0) return null;
  const latest = Math.max(
    ...measured.map(s => Date.parse(s.logVolume.measuredAt)),
  );
  const total = measured.reduce((n, s) => n + monthly(s.logVolume), 0);
  const partial = measured.some(
    s => s.logVolume.estimatedMonthlyUsd.ingestion === undefined,
  );
  return (
    <InfoCard
      title="Log volume and cost"
      subheader={
        measured.length > 0
          ? `Estimated at the configured CloudWatch Logs prices; measured ${formatAge(
              latest,
            )}`
          : 'Measured by the sweep'
      }
    >
      <Typography variant="body2" className={classes.explain}>
        Execution logging at INFO level writes several lines for every request,
        and full request/response data logging adds their headers and bodies:
        together they can produce a lot of log data and a large CloudWatch bill.
        ERROR level logs only the requests that fail; access logs are one line
        per request.
      </Typography>
      {measured.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.stages.every(s => s.problem)
            ? 'Not measured: AWS could not be read for these stages (see above).'
            : "Not measured yet: the next sweep reads the size and intake of each stage's log groups."}
        </Typography>
      ) : (
        <Table
          size="small"
          aria-label="Log volume and estimated cost per stage"
        >
          <TableHead>
            <TableRow>
              <TableCell>Stage</TableCell>
              <TableCell align="right">Stored</TableCell>
              <TableCell align="right">Ingested per day</TableCell>
              <TableCell align="right">Estimated per month</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {measured.map(stage => {
              const v = stage.logVolume;
              return (
                <TableRow key={stage.arn}>
                  <TableCell>
                    {stage.stageName}
                    {logsFullData(stage) && (
                      <Chip
                        size="small"
                        variant="outlined"
                        className={classes.chip}
                        label="full data logging on"
                      />
                    )}
                  </TableCell>
                  <TableCell align="right" className={classes.number}>
                    {formatBytes(v.storedBytes)}
                  </TableCell>
                  <TableCell align="right" className={classes.number}>
                    {v.incomingBytesPerDay === undefined
                      ? 'no metric'
                      : `${formatBytes(v.incomingBytesPerDay)} (${
                          v.days
                        }-day average)`}
                  </TableCell>
                  <TableCell align="right" className={classes.number}>
                    <Cost volume={v} />
                  </TableCell>
                </TableRow>
              );
            })}
            {measured.length > 1 && (
              <TableRow className={classes.total}>
                <TableCell>All stages</TableCell>
                <TableCell align="right" className={classes.number}>
                  {formatBytes(
                    measured.reduce((n, s) => n + s.logVolume.storedBytes, 0),
                  )}
                </TableCell>
                <TableCell />
                <TableCell align="right" className={classes.number}>
                  {partial ? 'at least ' : ''}
                  {formatUsd(total)}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {measured.length > 0 && measured.length < props.stages.length && (
        <Typography variant="caption" color="textSecondary">
          {plural(props.stages.length - measured.length, 'stage')} not measured
          yet.
        </Typography>
      )}
    </InfoCard>
  );
}
