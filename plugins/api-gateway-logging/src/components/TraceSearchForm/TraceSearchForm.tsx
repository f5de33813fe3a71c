import { FormEvent, ReactNode, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { fromInputValue, toInputValue } from '../../lib/time';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(220px, 1.2fr) minmax(220px, 1.2fr) minmax(200px, 1fr) auto',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
    [theme.breakpoints.down('md')]: {
      gridTemplateColumns: 'minmax(200px, 1fr) minmax(200px, 1fr)',
    },
  },
}));

/** What the form submits. */
export interface TraceSearch {
  requestId: string;
  entityRef: string;
  /** Epoch ms near the request, or undefined to search the last day. */
  around?: number;
}

interface Option {
  ref: string;
  label: string;
}

/** The catalog entities that name API Gateway stages. */
function useAnnotatedEntities() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: [
        {
          [`metadata.annotations.${ANNOTATION_STAGE_ARN}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${ANNOTATION_STAGE_TAGS}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map<Option>(e => ({
        ref: stringifyEntityRef(e),
        label: `${e.metadata.title ?? e.metadata.name} (${stringifyEntityRef(
          e,
        )})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);
}

/**
 * Asks for what a trace search needs: the request id, the entity whose
 * stages to search (the backend searches only an entity's own log groups,
 * so access rules apply) and, optionally, when it happened.
 */
export function TraceSearchForm(props: {
  initial?: Partial<TraceSearch>;
  onSubmit: (search: TraceSearch) => void;
  /** The card's title: "Find a request", or what went wrong with the last search. */
  title?: string;
  /** Shown above the fields, e.g. why the last search found nothing. */
  children?: ReactNode;
}) {
  const { initial, onSubmit, title = 'Find a request', children } = props;
  const classes = useStyles();
  const entities = useAnnotatedEntities();
  const { zone, label: zoneName } = useTimeZone();
  const [requestId, setRequestId] = useState(initial?.requestId ?? '');
  const [entityRef, setEntityRef] = useState(initial?.entityRef ?? '');
  // Kept as epoch ms, so switching the zone shows the same moment.
  const [around, setAround] = useState<number | undefined>(initial?.around);
  // The entity of a link stays selectable even if the catalog list does not
  // have it (yet): the form must not refuse to search again.
  const listed = entities.value ?? [];
  const options =
    initial?.entityRef && !listed.some(o => o.ref === initial.entityRef)
      ? [{ ref: initial.entityRef, label: initial.entityRef }, ...listed]
      : listed;
  const selected = options.find(o => o.ref === entityRef) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (requestId.trim() && entityRef) {
      onSubmit({ requestId: requestId.trim(), entityRef, around });
    }
  };
  return (
    <InfoCard title={title}>
      {children}
      <Typography variant="body2" paragraph>
        Paste the request id from a ticket or an error response (the{' '}
        <code>x-amzn-RequestId</code> header) and pick the API it was sent to.
        The time narrows the search to 15 minutes either side; without it, the
        last 24 hours are searched.
      </Typography>
      <form
        className={classes.form}
        onSubmit={submit}
        aria-label="Find a request"
      >
        <TextField
          id="agl-trace-request-id"
          name="requestId"
          label="Request id"
          variant="outlined"
          size="small"
          required
          value={requestId}
          onChange={e => setRequestId(e.target.value)}
          inputProps={{ spellCheck: false }}
        />
        <Autocomplete<Option>
          id="agl-trace-entity"
          options={options}
          loading={entities.loading}
          value={selected}
          getOptionLabel={o => o.label}
          getOptionSelected={(o, v) => o.ref === v.ref}
          onChange={(_e, v) => setEntityRef(v?.ref ?? '')}
          renderInput={params => (
            <TextField
              {...params}
              label="API or component"
              variant="outlined"
              size="small"
              required
              error={!!entities.error}
              helperText={entities.error ? entities.error.message : undefined}
            />
          )}
        />
        <TextField
          id="agl-trace-around"
          name="around"
          label={`Around (${zone === 'utc' ? 'UTC' : 'local time'}, optional)`}
          type="datetime-local"
          variant="outlined"
          size="small"
          value={around !== undefined ? toInputValue(around, zone) : ''}
          onChange={e => setAround(fromInputValue(e.target.value, zone))}
          InputLabelProps={{ shrink: true }}
          helperText={zoneName}
        />
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!requestId.trim() || !entityRef}
        >
          Find
        </Button>
      </form>
    </InfoCard>
  );
}
