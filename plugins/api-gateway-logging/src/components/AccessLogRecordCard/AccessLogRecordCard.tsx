import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { AccessLogRecord } from '@apigw-logging/plugin-api-gateway-logging-common';
import { shortenMasks } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& td': {
      padding: theme.spacing(0.5, 1.5, 0.5, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
      verticalAlign: 'top',
      fontSize: '0.8125rem',
    },
  },
  key: { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
  value: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
}));

/** The request's access-log line, every field as logged (redacted). */
export function AccessLogRecordCard(props: { record: AccessLogRecord }) {
  const classes = useStyles();
  const fields = Object.entries(props.record.fields).filter(
    ([, v]) => v !== null && v !== '' && v !== '-',
  );
  return (
    <InfoCard title="Access log" subheader="The request's access-log line">
      <table className={classes.table}>
        <tbody>
          {fields.map(([key, value]) => (
            <tr key={key}>
              <td className={classes.key}>{key}</td>
              <td className={classes.value}>{shortenMasks(String(value))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </InfoCard>
  );
}
