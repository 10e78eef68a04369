import { useId } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { formatDuration, formatIsoDate, plural } from "../../format";
import { trpc } from "../../trpc";
import { CHART_DAYS, formatDayTick, tooltipStyle, viewerTimeZone } from "./chart-days";

const DURATION_AXIS = "duration";

/** Syncs per day by outcome (stacked bars) and their mean duration (a line on its own axis). */
export function SyncActivityChart({ connectionId }: { connectionId?: string }) {
  const captionId = useId();
  const series = trpc.charts.syncs.useQuery({ days: CHART_DAYS, timeZone: viewerTimeZone(), connectionId });
  if (series.isPending) return <Loading label="Loading the sync history…" />;
  if (series.isError) return <ErrorState problem={apiProblem(series.error)} onRetry={() => void series.refetch()} />;
  const days = series.data;
  const total = days.reduce((sum, d) => sum + d.succeeded + d.failed + d.other, 0);
  const failed = days.reduce((sum, d) => sum + d.failed, 0);
  return (
    <figure className="chart" aria-labelledby={captionId} data-testid="sync-activity-chart">
      <figcaption id={captionId} className="chart-caption">
        {plural(total, "sync", "syncs")} in {CHART_DAYS} days, {plural(failed, "failed", "failed")}.
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDayTick} minTickGap={24} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis allowDecimals={false} width={40} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis
            yAxisId={DURATION_AXIS}
            orientation="right"
            width={56}
            tickFormatter={(seconds) => formatDuration(Number(seconds) * 1000)}
            tick={{ fill: "var(--muted)", fontSize: 12 }}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(day) => formatIsoDate(String(day))}
            formatter={(value, name) =>
              name === "Mean duration" ? (value == null ? "—" : formatDuration(Number(value) * 1000)) : String(value)
            }
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar
            className="syncs-succeeded"
            dataKey="succeeded"
            name="Succeeded"
            stackId="runs"
            fill="var(--success)"
            isAnimationActive={false}
          />
          <Bar
            className="syncs-failed"
            dataKey="failed"
            name="Failed"
            stackId="runs"
            fill="var(--danger)"
            isAnimationActive={false}
          />
          <Bar
            className="syncs-other"
            dataKey="other"
            name="Cancelled or running"
            stackId="runs"
            fill="var(--muted)"
            isAnimationActive={false}
          />
          <Line
            className="syncs-duration"
            yAxisId={DURATION_AXIS}
            dataKey="averageSeconds"
            name="Mean duration"
            stroke="var(--accent)"
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
