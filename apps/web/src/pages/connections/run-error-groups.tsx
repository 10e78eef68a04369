import { Link } from "wouter";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/states";
import { StatusBadge } from "../../components/status-badge";
import { formatCount, plural } from "../../format";
import { paths } from "../../paths";
import type { RouterOutputs } from "../../trpc";

type Group = RouterOutputs["connections"]["run"]["errorGroups"][number];

// Kinds fixed in the connector's settings form (a new token, more permissions): link straight there.
const fixedInSettings = new Set(["invalid_credentials", "forbidden", "skipped"]);

/** The run's errors, one entry per kind: how many, what to do, and a few examples. */
export function RunErrorGroups({ groups, connectorId }: { groups: Group[]; connectorId: string }) {
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <Card title={total === 0 ? "No errors" : plural(total, "error", "errors")}>
      {groups.length === 0 ? (
        <EmptyState title="No errors in this run" />
      ) : (
        <ul className="error-list" aria-label="Errors">
          {groups.map((group) => (
            <li key={group.kind} className="error-item">
              <div className="error-meta">
                <StatusBadge tone={group.kind === "skipped" ? "warning" : "danger"}>{group.label}</StatusBadge>
                <span className="muted small">{formatCount(group.count)} in this run</span>
              </div>
              {group.hint ? (
                <p className="error-hint">
                  <strong>What to do:</strong> {group.hint}{" "}
                  {fixedInSettings.has(group.kind) ? (
                    <Link href={paths.integration(connectorId)}>Open the settings that fix it</Link>
                  ) : null}
                </p>
              ) : null}
              <ul className="error-examples" aria-label={`Examples of ${group.label.toLowerCase()}`}>
                {group.examples.map((example) => (
                  <li key={example.id}>
                    <span className="muted small">
                      {example.stream ? example.stream : "Whole sync"}
                      {example.remoteId ? ` · record ${example.remoteId}` : ""}
                    </span>{" "}
                    {example.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
