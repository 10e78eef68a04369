import { useId } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { formatCount, formatIsoDate, plural } from "../../format";
import { trpc } from "../../trpc";
import { CHART_DAYS, formatDayTick, tooltipStyle, viewerTimeZone } from "./chart-days";

/** People in the directory day by day (from the change log): the organisation's, or one connection's. */
export function HeadCountChart({ connectionId }: { connectionId?: string }) {
  const captionId = useId();
  const series = trpc.charts.headCount.useQuery({ days: CHART_DAYS, timeZone: viewerTimeZone(), connectionId });
  if (series.isPending) return <Loading label="Loading the head count…" />;
  if (series.isError) return <ErrorState problem={apiProblem(series.error)} onRetry={() => void series.refetch()} />;
  const points = series.data;
  const first = points[0]?.people ?? 0;
  const last = points.at(-1)?.people ?? 0;
  return (
    <figure className="chart" aria-labelledby={captionId} data-testid="head-count-chart">
      <figcaption id={captionId} className="chart-caption">
        {plural(last, "person", "people")} in the directory today; {describeChange(last - first)} over {CHART_DAYS} days.
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDayTick} minTickGap={24} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis allowDecimals={false} width={48} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(day) => formatIsoDate(String(day))}
            formatter={(value) => formatCount(Number(value))}
          />
          <Line
            className="head-count-line"
            type="stepAfter"
            dataKey="people"
            name="People"
            stroke="var(--accent)"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function describeChange(delta: number): string {
  if (delta === 0) return "no change";
  return delta > 0 ? `up ${formatCount(delta)}` : `down ${formatCount(-delta)}`;
}
