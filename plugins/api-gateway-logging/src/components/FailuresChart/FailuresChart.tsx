import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  FailureBucket,
  FailureCategory,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import {
  CATEGORIES,
  categoryColor,
  CATEGORY_LABELS,
} from '../../lib/categories';
import { inZone } from '../../lib/time';
import { CategoryLabel } from '../CategoryLabel';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'center',
    gap: theme.spacing(0.5, 2),
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    fontSize: '0.8125rem',
  },
}));

/**
 * Failures over time, one bar per bucket stacked by category, and a legend
 * with each category's count. Only the categories that occur get a series,
 * so the legend names what happened. Colours stay apart for colour-blind
 * readers; segments are outlined so neighbours never merge.
 */
export function FailuresChart(props: {
  buckets: FailureBucket[];
  bucketMs: number;
  counts: Partial<Record<FailureCategory, number>>;
  height?: number;
}) {
  const { buckets, bucketMs, counts, height = 220 } = props;
  const theme = useTheme();
  const classes = useStyles();
  const { zone } = useTimeZone();
  const present = CATEGORIES.filter(c => (counts[c] ?? 0) > 0);
  const data = buckets.map(b => ({ start: b.start, ...b.counts }));
  const tickFormat = bucketMs >= 3_600_000 ? 'LLL d HH:mm' : 'HH:mm';
  const format = (ms: number, f: string) => inZone(ms, zone).toFormat(f);
  return (
    <figure style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={(v: number) => format(v, tickFormat)}
            tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
            minTickGap={24}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
            width={40}
          />
          <Tooltip
            labelFormatter={(v: number) =>
              `${format(v, 'HH:mm')}–${format(v + bucketMs, 'HH:mm')}`
            }
            formatter={(value: number, name: string) => [
              value,
              CATEGORY_LABELS[name as FailureCategory] ?? name,
            ]}
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
            }}
          />
          {present.map(category => (
            <Bar
              key={category}
              dataKey={category}
              stackId="failures"
              fill={categoryColor(category, theme.palette.type)}
              stroke={theme.palette.background.paper}
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        <ul className={classes.legend} aria-label="Failures by category">
          {present.map(category => (
            <li key={category}>
              <CategoryLabel
                category={category}
                suffix={` ${(counts[category] ?? 0).toLocaleString()}`}
              />
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
