import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import { FailureCategory } from '@apigw-logging/plugin-api-gateway-logging-common';
import { CATEGORIES, CATEGORY_LABELS } from '../../lib/categories';
import { FailuresFilterValue } from '../../lib/failureFilters';
import { StageInfo, stageLabel } from '../../lib/stages';
import { TIME_RANGES, TimeRangeId } from '../../lib/time';
import { TimeZoneSwitch } from '../TimeZoneSwitch';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  control: { minWidth: 180 },
  zone: { marginLeft: 'auto' },
}));

export type { FailuresFilterValue };

const ALL = '__all__';

/**
 * Time range, category and stage pickers for the failures view, a refresh,
 * and the time zone of every time shown.
 */
export function FailuresFilters(props: {
  value: FailuresFilterValue;
  stages: StageInfo[];
  onChange: (value: FailuresFilterValue) => void;
  onRefresh: () => void;
}) {
  const { value, stages, onChange, onRefresh } = props;
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <FormControl className={classes.control} size="small">
        <InputLabel id="agl-range">Time range</InputLabel>
        <Select
          labelId="agl-range"
          name="range"
          value={value.range}
          onChange={e =>
            onChange({ ...value, range: e.target.value as TimeRangeId })
          }
        >
          {TIME_RANGES.map(r => (
            <MenuItem key={r.id} value={r.id}>
              {r.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl className={classes.control} size="small">
        <InputLabel id="agl-category">Category</InputLabel>
        <Select
          labelId="agl-category"
          name="category"
          value={value.category ?? ALL}
          onChange={e => {
            const v = e.target.value as string;
            onChange({
              ...value,
              category: v === ALL ? undefined : (v as FailureCategory),
            });
          }}
        >
          <MenuItem value={ALL}>All categories</MenuItem>
          {CATEGORIES.map(c => (
            <MenuItem key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl className={classes.control} size="small">
        <InputLabel id="agl-stage">Stage</InputLabel>
        <Select
          labelId="agl-stage"
          name="stage"
          value={value.stage ?? ALL}
          onChange={e => {
            const v = e.target.value as string;
            onChange({ ...value, stage: v === ALL ? undefined : v });
          }}
        >
          <MenuItem value={ALL}>All stages</MenuItem>
          {stages.map(stage => (
            <MenuItem key={stage.arn} value={stage.arn}>
              {stageLabel(stage, stages)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Tooltip title="Search again, up to now">
        <IconButton
          size="small"
          aria-label="Refresh the failures"
          onClick={onRefresh}
        >
          <RefreshIcon />
        </IconButton>
      </Tooltip>
      <div className={classes.zone}>
        <TimeZoneSwitch />
      </div>
    </div>
  );
}
