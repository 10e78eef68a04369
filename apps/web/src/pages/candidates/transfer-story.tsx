import type { ReactNode } from "react";
import { RelativeTime } from "../../components/relative-time";
import { StatusBadge } from "../../components/status-badge";
import { type DateLike, formatDate, formatDateTime } from "../../format";
import type { RouterOutputs } from "../../trpc";
import { SentFields } from "./sent-fields";

export type Transfer = RouterOutputs["lever"]["transfers"][number];

const triggerWords: Record<Transfer["trigger"], string> = {
  webhook: "Hired in Lever (webhook)",
  reconcile: "Hired in Lever (found by the periodic check)",
  manual: "Send to Zenefits (by hand)",
};

/** A candidate's latest successful send: "Hired · sent to Zenefits 3 Nov 2026" (or "Offer · …" at the offer step). */
export function SentToZenefitsBadge({ sent }: { sent: { stage: "hired" | "offer"; at: DateLike } }) {
  return (
    <StatusBadge tone="success">
      {sent.stage === "hired" ? "Hired" : "Offer"} · sent to Zenefits {formatDate(sent.at)}
    </StatusBadge>
  );
}

/** Succeeded, failed or on its way, in one pill. */
export function TransferOutcomeBadge({ status }: { status: Transfer["status"] }) {
  if (status === "succeeded") return <StatusBadge tone="success">Sent to Zenefits</StatusBadge>;
  if (status === "failed") return <StatusBadge tone="danger">Export failed</StatusBadge>;
  return <StatusBadge tone="info">Sending…</StatusBadge>;
}

/** One attempt chain: what triggered it, when, the outcome (and why it failed), and what was sent. */
export function TransferEntry({
  transfer,
  actions,
  expanded = false,
}: {
  transfer: Transfer;
  actions?: ReactNode;
  /** Show "What was sent" unfolded. */
  expanded?: boolean;
}) {
  const when = transfer.succeededAt ?? transfer.lastAttemptAt ?? transfer.createdAt;
  return (
    <li className="story-entry" data-testid="transfer-entry">
      <div className="error-meta">
        <TransferOutcomeBadge status={transfer.status} />
        <strong>{transfer.candidateName}</strong>
        <span className="muted small">
          <RelativeTime value={when} /> · {triggerWords[transfer.trigger]} · {transfer.attempts}{" "}
          {transfer.attempts === 1 ? "attempt" : "attempts"}
        </span>
      </div>
      {transfer.status === "failed" && transfer.error ? (
        <p className="error-hint" data-testid="transfer-error">
          {transfer.error}
        </p>
      ) : null}
      {transfer.status !== "succeeded" && transfer.nextRetry ? (
        <p className="muted small">
          {transfer.nextRetry.running ? (
            "Retrying now…"
          ) : (
            <>
              Next automatic retry <RelativeTime value={transfer.nextRetry.runAt} /> (attempt {transfer.nextRetry.attempts + 1} of{" "}
              {transfer.nextRetry.maxAttempts})
            </>
          )}
        </p>
      ) : null}
      {transfer.status === "failed" && transfer.contactEmailed ? (
        <p className="muted small">The contact was emailed about this failure.</p>
      ) : null}
      {transfer.succeededAt ? (
        <p className="muted small">
          Sent {formatDateTime(transfer.succeededAt)}
          {transfer.stage ? ` as ${transfer.stage === "offer" ? "an offer" : "a hire"}` : ""}
          {transfer.hrisRecord ? ` · ${transfer.hrisRecord.hrisName} record ${transfer.hrisRecord.id}` : ""}
        </p>
      ) : null}
      <details open={expanded}>
        <summary>What was sent</summary>
        <SentFields sent={transfer.sent} />
      </details>
      {actions}
    </li>
  );
}
