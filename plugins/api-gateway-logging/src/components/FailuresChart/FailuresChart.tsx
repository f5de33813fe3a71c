import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  FailureBucket,
  FailureCategory,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  CATEGORIES,
  CATEGORY_COLORS,
  CATEGORY_LABELS,
} from '../../lib/categories';

/**
 * Failures over time, one bar per bucket stacked by category. Only the
 * categories that occur get a series, so the legend names what happened.
 */
export function FailuresChart(props: {
  buckets: FailureBucket[];
  bucketMs: number;
  counts: Partial<Record<FailureCategory, number>>;
  height?: number;
}) {
  const { buckets, bucketMs, counts, height = 240 } = props;
  const theme = useTheme();
  const present = CATEGORIES.filter(c => (counts[c] ?? 0) > 0);
  const data = buckets.map(b => ({ start: b.start, ...b.counts }));
  const tickFormat = bucketMs >= 3_600_000 ? 'LLL d HH:mm' : 'HH:mm';
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="start"
          tickFormatter={(v: number) =>
            DateTime.fromMillis(v).toFormat(tickFormat)
          }
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
            `${DateTime.fromMillis(v).toFormat('HH:mm')}–${DateTime.fromMillis(
              v + bucketMs,
            ).toFormat('HH:mm')}`
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
        <Legend
          formatter={(name: string) =>
            CATEGORY_LABELS[name as FailureCategory] ?? name
          }
          wrapperStyle={{ fontSize: 12 }}
        />
        {present.map(category => (
          <Bar
            key={category}
            dataKey={category}
            stackId="failures"
            fill={CATEGORY_COLORS[category]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
