import { useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { CoverageDay } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useChecks } from '../../hooks/useChecks';
import { dayLabel, trendPoints, trendSummary } from '../../lib/trend';

const useStyles = makeStyles(theme => ({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
  },
  control: { minWidth: 200 },
  figure: { margin: 0 },
}));

const ALL = '__all__';

/**
 * Coverage over time: the share of applicable check results passing per day
 * (UTC days), over every check or the one chosen, with the trend in words
 * for those who do not read the chart.
 */
export function CoverageTrend(props: {
  days: CoverageDay[];
  /** What the trend is of, for its label: `the fleet`, `team-payments`. */
  of: string;
  height?: number;
}) {
  const { days, of, height = 200 } = props;
  const classes = useStyles();
  const theme = useTheme();
  const checks = useChecks();
  const [check, setCheck] = useState<string>();
  const titles = new Map(
    (checks.value?.checks ?? []).map(c => [c.id, c.title]),
  );
  // Every check seen in the history, modules' included, titled when known.
  const ids = [...new Set(days.flatMap(d => d.checks.map(c => c.id)))];
  const points = trendPoints(days, check);
  const summary = trendSummary(points);
  const what = check ? titles.get(check) ?? check : 'all checks';
  const selectId = `agl-trend-check-${of.replace(/\W+/g, '-')}`;
  if (days.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: each sweep records the day's coverage.
      </Typography>
    );
  }
  return (
    <>
      <div className={classes.head}>
        <Typography variant="body2" color="textSecondary">
          Share of applicable checks passing, per day (UTC), {what}: {summary}
        </Typography>
        <FormControl className={classes.control} size="small">
          <InputLabel id={selectId}>Check</InputLabel>
          <Select
            labelId={selectId}
            // Named, so that the button is labelled by the label and the value.
            name={selectId.replace(/^agl-/, '')}
            value={check ?? ALL}
            onChange={e => {
              const v = e.target.value as string;
              setCheck(v === ALL ? undefined : v);
            }}
          >
            <MenuItem value={ALL}>All checks</MenuItem>
            {ids.map(id => (
              <MenuItem key={id} value={id}>
                {titles.get(id) ?? id}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </div>
      <figure
        className={classes.figure}
        role="img"
        aria-label={`Coverage of ${of} over time, ${what}: ${summary}`}
      >
        <ResponsiveContainer width="100%" height={height}>
          <LineChart
            data={points}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={dayLabel}
              tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
              width={44}
            />
            <Tooltip
              labelFormatter={(day: string) => `${dayLabel(day)} (UTC)`}
              formatter={(value: number, _name: string, item: any) => [
                `${value}% (${item.payload.passing} of ${item.payload.applicable})`,
                'Passing',
              ]}
              contentStyle={{
                backgroundColor: theme.palette.background.paper,
                borderColor: theme.palette.divider,
              }}
            />
            <Line
              type="monotone"
              dataKey="percent"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={points.length <= 31}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </>
  );
}
