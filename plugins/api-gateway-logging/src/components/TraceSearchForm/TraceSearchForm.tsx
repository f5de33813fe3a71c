import { FormEvent, useState } from 'react';
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

const useStyles = makeStyles(theme => ({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 1fr) minmax(240px, 1fr) 240px auto',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
  },
}));

/** What the form submits. */
export interface TraceSearch {
  requestId: string;
  entityRef: string;
  /** `yyyy-MM-ddTHH:mm` in the viewer's zone, or empty. */
  around?: string;
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
}) {
  const { initial, onSubmit } = props;
  const classes = useStyles();
  const entities = useAnnotatedEntities();
  const [requestId, setRequestId] = useState(initial?.requestId ?? '');
  const [entityRef, setEntityRef] = useState(initial?.entityRef ?? '');
  const [around, setAround] = useState(initial?.around ?? '');
  const options = entities.value ?? [];
  const selected = options.find(o => o.ref === entityRef) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (requestId.trim() && entityRef) {
      onSubmit({ requestId: requestId.trim(), entityRef, around });
    }
  };
  return (
    <InfoCard title="Find a request">
      <Typography variant="body2" paragraph>
        Paste the request id from a ticket or an error response (the{' '}
        <code>x-amzn-RequestId</code> header) and pick the API it was sent to.
        The time narrows the search; without it, the last 24 hours are searched.
      </Typography>
      <form className={classes.form} onSubmit={submit}>
        <TextField
          label="Request id"
          variant="outlined"
          size="small"
          required
          value={requestId}
          onChange={e => setRequestId(e.target.value)}
          inputProps={{ spellCheck: false }}
        />
        <Autocomplete<Option>
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
          label="Around (optional)"
          type="datetime-local"
          variant="outlined"
          size="small"
          value={around}
          onChange={e => setAround(e.target.value)}
          InputLabelProps={{ shrink: true }}
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
