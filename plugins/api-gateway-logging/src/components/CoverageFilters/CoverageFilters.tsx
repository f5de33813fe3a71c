import { ReactNode, useEffect, useState } from 'react';
import FormControl from '@material-ui/core/FormControl';
import InputAdornment from '@material-ui/core/InputAdornment';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import useDebounce from 'react-use/esm/useDebounce';
import {
  CHECK_STATUSES,
  CheckStatus,
  CoverageQuery,
  CoverageSort,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { STATUS_LABELS } from '../../lib/checks';
import { COVERAGE_SORTS, defaultOrder } from '../../lib/coverageQuery';
import { shortRef } from '../../lib/entityRefs';
import { useChecks } from '../../hooks/useChecks';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  control: { minWidth: 160 },
  search: { minWidth: 220 },
}));

const ALL = '__all__';

/** A labelled select; `allLabel` is the option that selects nothing. */
export function Picker(props: {
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

/**
 * A search box that applies what is typed after a pause, and follows the
 * URL when it changes otherwise (back, a pasted link).
 */
export function SearchField(props: {
  id: string;
  label: string;
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value = '', onChange } = props;
  const classes = useStyles();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useDebounce(
    () => {
      if (text.trim() !== value) onChange(text.trim() || undefined);
    },
    400,
    [text],
  );
  return (
    <TextField
      id={id}
      label={label}
      type="search"
      size="small"
      className={classes.search}
      value={text}
      onChange={e => setText(e.target.value)}
      onKeyDown={e => {
        if (e.key === 'Enter') onChange(text.trim() || undefined);
      }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" aria-hidden />
          </InputAdornment>
        ),
      }}
    />
  );
}

/** A row of filters, wrapping at narrow widths. */
export function FilterRow(props: { children: ReactNode }) {
  const classes = useStyles();
  return <div className={classes.root}>{props.children}</div>;
}

/**
 * Search by name, owner, system, check and status filters, and the sort
 * (the table's headers sort too). A change goes back to the first page.
 */
export function CoverageFilters(props: {
  query: CoverageQuery;
  owners: string[];
  systems: string[];
  onChange: (query: CoverageQuery) => void;
}) {
  const { query, owners, systems, onChange } = props;
  const checks = useChecks();
  const change = (next: Partial<CoverageQuery>) =>
    onChange({ ...query, ...next, offset: 0 });
  const refs = (values: string[], selected?: string) =>
    [...new Set([...values, ...(selected ? [selected] : [])])].map(v => ({
      value: v,
      label: shortRef(v),
    }));
  return (
    <FilterRow>
      <SearchField
        id="agl-search"
        label="Search by name"
        value={query.search}
        onChange={search => change({ search })}
      />
      <Picker
        id="agl-owner"
        label="Owner"
        value={query.owner}
        allLabel="All owners"
        options={refs(owners, query.owner)}
        onChange={owner => change({ owner })}
      />
      <Picker
        id="agl-system"
        label="System"
        value={query.system}
        allLabel="All systems"
        options={refs(systems, query.system)}
        onChange={system => change({ system })}
      />
      <Picker
        id="agl-check"
        label="Check"
        value={query.check}
        allLabel="All checks"
        options={(checks.value?.checks ?? []).map(c => ({
          value: c.id,
          label: c.title,
        }))}
        onChange={check => change({ check })}
      />
      <Picker
        id="agl-status"
        label="Status"
        value={query.status}
        allLabel="Any status"
        options={CHECK_STATUSES.map(s => ({
          value: s,
          label: STATUS_LABELS[s],
        }))}
        onChange={status =>
          change({ status: status as CheckStatus | undefined })
        }
      />
      <Picker
        id="agl-sort"
        label="Sort by"
        value={query.sort}
        allLabel=""
        options={COVERAGE_SORTS.map(s => ({ value: s.id, label: s.label }))}
        onChange={sort => {
          const next = (sort as CoverageSort | undefined) ?? 'failing';
          change({ sort: next, order: defaultOrder(next) });
        }}
      />
    </FilterRow>
  );
}
