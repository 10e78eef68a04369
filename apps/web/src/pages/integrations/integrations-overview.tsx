import { Link } from "wouter";
import { RelativeTime } from "../../components/relative-time";
import { ErrorState, Loading } from "../../components/states";
import { StatusBadge, type Tone } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { formatCount } from "../../format";
import { paths } from "../../paths";
import { type RouterOutputs, trpc } from "../../trpc";

type Item = RouterOutputs["connections"]["overview"][number];

const stateBadge: Record<Item["state"], { tone: Tone; words: string }> = {
  not_connected: { tone: "neutral", words: "Not connected" },
  healthy: { tone: "success", words: "Healthy" },
  partial: { tone: "warning", words: "Partial" },
  retrying: { tone: "danger", words: "Retrying" },
  disabled: { tone: "neutral", words: "Disabled" },
};

const kindWords = { hris: "HR system", ats: "Applicant tracking" } as const;

/** Where each state's action is done: the settings form, the failed run, or the connection. */
function actionLink(item: Item): { href: string; label: string } | null {
  switch (item.action.kind) {
    case "connect":
      return { href: paths.integration(item.connectorId), label: `Connect ${item.connectorName}` };
    case "fix_failure":
      return item.connectionId && item.lastRunId
        ? { href: paths.run(item.connectionId, item.lastRunId), label: "See what failed" }
        : { href: paths.integration(item.connectorId), label: "Replace the token" };
    case "grant_permissions":
      return { href: paths.integration(item.connectorId), label: "Review permissions" };
    case "re_enable":
      return { href: paths.integration(item.connectorId), label: "Re-enable" };
    case "none":
      return null;
  }
}

/**
 * Every installed connector and the organisation's connection to it: state, last and next sync,
 * the records held by type, and what to do. Settings → Integrations and the dashboard's first card.
 */
export function IntegrationsOverview() {
  const overview = trpc.connections.overview.useQuery(undefined, {
    // A sync may be running: keep states and counts current while the page is open.
    refetchInterval: (q) => (q.state.data?.some((i) => i.syncing) ? 3_000 : 30_000),
  });
  if (overview.isPending) return <Loading label="Loading the integrations…" />;
  if (overview.isError) return <ErrorState problem={apiProblem(overview.error)} onRetry={() => void overview.refetch()} />;
  return (
    <ul className="integration-list" aria-label="Integrations">
      {overview.data.map((item) => (
        <OverviewItem key={item.connectionId ?? item.connectorId} item={item} />
      ))}
    </ul>
  );
}

function OverviewItem({ item }: { item: Item }) {
  const badge = stateBadge[item.state];
  const action = actionLink(item);
  const held = item.records.filter((r) => r.count > 0);
  return (
    <li className="integration-item overview-item" data-testid={`integration-${item.connectorId}`}>
      <div className="stack">
        <div className="title-with-badge">
          {item.connectionId ? (
            <Link href={paths.connection(item.connectionId)} className="integration-name">
              {item.displayName}
            </Link>
          ) : (
            <Link href={paths.integration(item.connectorId)} className="integration-name">
              {item.connectorName}
            </Link>
          )}{" "}
          <StatusBadge tone={badge.tone}>{badge.words}</StatusBadge>
          {item.syncing ? <StatusBadge tone="info">Syncing</StatusBadge> : null}
        </div>
        <p className="muted small">
          {kindWords[item.kind]}
          {item.connectionId && item.displayName !== item.connectorName ? ` · ${item.connectorName}` : ""}
        </p>
        {item.connectionId ? (
          <p className="small" data-testid="integration-sync-times">
            {item.lastSuccessAt ? (
              <>
                Last synced <RelativeTime value={item.lastSuccessAt} />
              </>
            ) : (
              "Not synced yet"
            )}
            {item.nextSyncAt ? (
              <>
                {" · "}
                {item.state === "retrying" ? "next retry" : "next sync"} <RelativeTime value={item.nextSyncAt} />
              </>
            ) : null}
          </p>
        ) : null}
        {held.length > 0 ? (
          <ul className="record-counts" aria-label={`Records held from ${item.displayName}`}>
            {held.map((r) => (
              <li key={r.model}>
                <strong>{formatCount(r.count)}</strong> {r.label.toLowerCase()}
              </li>
            ))}
          </ul>
        ) : null}
        {item.action.kind !== "none" ? <p className="small">{item.action.words}</p> : null}
      </div>
      {action ? (
        <Link href={action.href} className="button button-secondary">
          {action.label}
        </Link>
      ) : null}
    </li>
  );
}
