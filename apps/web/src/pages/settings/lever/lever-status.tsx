import { useState } from "react";
import { Link } from "wouter";
import { Card } from "../../../components/card";
import { RelativeTime } from "../../../components/relative-time";
import { StatusBadge } from "../../../components/status-badge";
import { paths } from "../../../paths";
import type { RouterOutputs } from "../../../trpc";

export type LeverView = RouterOutputs["lever"]["get"];
export type LeverConnectionView = NonNullable<LeverView["connection"]>;

/** The URL to paste into Lever, with a Copy button. */
export function WebhookUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard refused (insecure origin): the field is selectable by hand.
    }
  }
  return (
    <div className="stack" data-testid="webhook-url">
      <p>
        In Lever, open <strong>Settings → Integrations and API → Webhooks</strong>, turn on <strong>Candidate Hired</strong>, and
        paste this URL. The webhook signing token above is on the same page.
      </p>
      <div className="copy-row">
        <input aria-label="Webhook URL" className="invite-link" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

/** Sync of the candidates and the exports at a glance, with the latest failure and where to retry it. */
export function LeverStatus({ connection }: { connection: LeverConnectionView }) {
  const { sync, exports } = connection;
  const on = connection.settings.enabled;
  return (
    <Card
      title={
        <span className="title-with-badge">
          Status{" "}
          {!on ? (
            <StatusBadge tone="neutral">Off</StatusBadge>
          ) : sync.status === "failing" ? (
            <StatusBadge tone="danger">Failing</StatusBadge>
          ) : sync.status === "disabled" ? (
            <StatusBadge tone="neutral">Disabled</StatusBadge>
          ) : exports.failed > 0 ? (
            <StatusBadge tone="warning">Export failures</StatusBadge>
          ) : (
            <StatusBadge tone="success">On</StatusBadge>
          )}
        </span>
      }
      footer={
        <span className="button-row">
          <Link href={paths.hires(connection.id)}>Hire exports, sync history and emails</Link>
          <Link href={paths.candidates}>Candidates</Link>
        </span>
      }
    >
      <div className="stack" data-testid="lever-status">
        <p>
          {sync.lastSuccessAt ? (
            <>
              Candidates last synced from Lever <RelativeTime value={sync.lastSuccessAt} />.
            </>
          ) : (
            "Candidates have not been synced from Lever yet."
          )}
          {sync.disabledReason ? <span className="muted"> ({sync.disabledReason})</span> : null}
        </p>
        {sync.lastRun?.status === "failed" && sync.lastRun.errorMessage ? (
          <p className="notice notice-danger">The last sync failed: {sync.lastRun.errorMessage}</p>
        ) : null}
        <ul className="stats">
          <li>
            <span className="stat-value">{exports.succeeded}</span> sent to Zenefits
          </li>
          <li>
            <span className="stat-value">{exports.failed}</span> failed
          </li>
          {exports.pending ? (
            <li>
              <span className="stat-value">{exports.pending}</span> on the way
            </li>
          ) : null}
        </ul>
        {exports.lastFailure ? (
          <div className="notice notice-danger" role="status" data-testid="lever-last-failure">
            <p className="notice-title">
              Export of {exports.lastFailure.candidateName} failed
              {exports.lastFailure.at ? (
                <>
                  {" "}
                  <RelativeTime value={exports.lastFailure.at} />
                </>
              ) : null}
            </p>
            <p>{exports.lastFailure.error}</p>
            <p>
              <Link href={paths.hires(connection.id)}>See the failures and retry</Link>
            </p>
          </div>
        ) : null}
        {connection.credentials.problem ? <p className="notice notice-danger">{connection.credentials.problem}</p> : null}
      </div>
    </Card>
  );
}
