import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import {
  CHECK_STATUSES,
  CheckStatus,
  CoverageFilters as Filters,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { STATUS_LABELS } from '../../lib/checks';
import { useChecks } from '../../hooks/useChecks';
import { GroupBy, shortRef } from '../../lib/coverage';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  control: { minWidth: 180 },
}));

const ALL = '__all__';

function Picker(props: {
  id: string;
  label: string;
  value?: string;
  allLabel?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const { id, label, value, allLabel = 'All', options, onChange } = props;
  return (
    <FormControl className={classes.control} size="small">
      <InputLabel id={id}>{label}</InputLabel>
      <Select
        labelId={id}
        name={id.replace(/^agl-/, '')}
        value={value ?? ALL}
        onChange={e => {
          const v = e.target.value as string;
          onChange(v === ALL ? undefined : v);
        }}
      >
        {allLabel && <MenuItem value={ALL}>{allLabel}</MenuItem>}
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Owner, system, check and status filters, and the grouping. */
export function CoverageFilters(props: {
  filters: Filters;
  groupBy: GroupBy;
  owners: string[];
  systems: string[];
  onChange: (filters: Filters) => void;
  onGroupBy: (groupBy: GroupBy) => void;
}) {
  const { filters, groupBy, owners, systems, onChange, onGroupBy } = props;
  const classes = useStyles();
  const checks = useChecks();
  const refs = (values: string[]) =>
    values.map(v => ({ value: v, label: shortRef(v) }));
  return (
    <div className={classes.root}>
      <Picker
        id="agl-owner"
        label="Owner"
        value={filters.owner}
        allLabel="All owners"
        options={refs(owners)}
        onChange={owner => onChange({ ...filters, owner })}
      />
      <Picker
        id="agl-system"
        label="System"
        value={filters.system}
        allLabel="All systems"
        options={refs(systems)}
        onChange={system => onChange({ ...filters, system })}
      />
      <Picker
        id="agl-check"
        label="Check"
        value={filters.check}
        allLabel="All checks"
        options={(checks.value?.checks ?? []).map(c => ({
          value: c.id,
          label: c.title,
        }))}
        onChange={check => onChange({ ...filters, check })}
      />
      <Picker
        id="agl-status"
        label="Status"
        value={filters.status}
        allLabel="Any status"
        options={CHECK_STATUSES.map(s => ({
          value: s,
          label: STATUS_LABELS[s],
        }))}
        onChange={status =>
          onChange({ ...filters, status: status as CheckStatus | undefined })
        }
      />
      <Picker
        id="agl-group"
        label="Group by"
        value={groupBy}
        allLabel=""
        options={[
          { value: 'owner', label: 'Owner' },
          { value: 'system', label: 'System' },
        ]}
        onChange={g => onGroupBy((g as GroupBy) ?? 'owner')}
      />
    </div>
  );
}
