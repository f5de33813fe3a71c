import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AuditCheckResult,
  EvidenceValue,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { prettyJson, shortenMasks, splitJsonExample } from '../../lib/text';
import { Breakable } from '../Breakable';
import { CodeBlock } from '../CodeBlock';

const useStyles = makeStyles(theme => ({
  heading: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginBottom: theme.spacing(1),
  },
  evidence: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    '& td': {
      verticalAlign: 'top',
      padding: theme.spacing(0.5, 1, 0.5, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
      fontSize: '0.8125rem',
    },
  },
  key: {
    width: '35%',
    color: theme.palette.text.secondary,
    overflowWrap: 'anywhere',
  },
  value: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  details: { minWidth: 0 },
  label: { color: theme.palette.text.secondary, marginTop: theme.spacing(1) },
}));

/** Evidence as a person reads it: lists joined, maps as `key: value` lines. */
export function show(value: EvidenceValue): string {
  if (value === null) return 'not set';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.every(v => v === null || typeof v !== 'object')
      ? value.map(show).join(', ')
      : value.map(v => JSON.stringify(v)).join('\n');
  }
  return Object.entries(value)
    .map(
      ([k, v]) =>
        `${k}: ${
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? JSON.stringify(v)
            : show(v)
        }`,
    )
    .join('\n');
}

/** One evidence value: JSON as indented code, the rest as text. */
function EvidenceCell(props: { value: EvidenceValue }) {
  const classes = useStyles();
  const text = shortenMasks(show(props.value));
  const json = typeof props.value === 'string' ? prettyJson(text) : undefined;
  return (
    <td className={classes.value}>
      {json ? <CodeBlock text={json} /> : <Breakable text={text} />}
    </td>
  );
}

/** A fix's summary, with a JSON example in it shown as code. */
function Summary(props: { text: string }) {
  const { prose, json } = splitJsonExample(props.text);
  return (
    <>
      <Typography variant="body2" paragraph={!json} gutterBottom>
        {prose}
      </Typography>
      {json && <CodeBlock text={json} copy />}
    </>
  );
}

/** A check's evidence, and how to fix it when it does not pass. */
export function CheckDetails(props: { check: AuditCheckResult }) {
  const { check } = props;
  const classes = useStyles();
  const evidence = Object.entries(check.evidence ?? {});
  const { remediation } = check;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={remediation ? 5 : 12} className={classes.details}>
        <Typography variant="body2" className={classes.heading}>
          Evidence read from AWS
        </Typography>
        {evidence.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            None recorded.
          </Typography>
        ) : (
          <table className={classes.evidence}>
            <tbody>
              {evidence.map(([key, value]) => (
                <tr key={key}>
                  <td className={classes.key}>
                    <Breakable text={key} />
                  </td>
                  <EvidenceCell value={value} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Grid>
      {remediation && (
        <Grid item xs={12} md={7} className={classes.details}>
          <Typography variant="body2" className={classes.heading}>
            How to fix it
          </Typography>
          <Summary text={remediation.summary} />
          {remediation.cli.length > 0 && (
            <>
              <Typography
                variant="caption"
                component="div"
                className={classes.label}
              >
                AWS CLI
              </Typography>
              {remediation.cli.map(command => (
                <CodeBlock key={command} text={command} copy command />
              ))}
            </>
          )}
          {remediation.cloudFormation && (
            <>
              <Typography
                variant="caption"
                component="div"
                className={classes.label}
              >
                CloudFormation
              </Typography>
              <CodeBlock text={remediation.cloudFormation} />
            </>
          )}
          {remediation.terraform && (
            <>
              <Typography
                variant="caption"
                component="div"
                className={classes.label}
              >
                Terraform
              </Typography>
              <CodeBlock text={remediation.terraform} />
            </>
          )}
        </Grid>
      )}
    </Grid>
  );
}
