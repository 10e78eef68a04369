import type { ReactNode } from "react";
import { RelativeTime } from "../../components/relative-time";
import { StatusBadge } from "../../components/status-badge";
import { formatDateTime, formatIsoDate } from "../../format";
import type { RouterOutputs } from "../../trpc";

export type Transfer = RouterOutputs["lever"]["transfers"][number];

const triggerWords: Record<Transfer["trigger"], string> = {
  webhook: "Hired in Lever (webhook)",
  reconcile: "Hired in Lever (found by the periodic check)",
  manual: "Send to Zenefits (by hand)",
};

/** Succeeded, failed or on its way, in one pill. */
export function TransferOutcomeBadge({ status }: { status: Transfer["status"] }) {
  if (status === "succeeded") return <StatusBadge tone="success">Sent to Zenefits</StatusBadge>;
  if (status === "failed") return <StatusBadge tone="danger">Export failed</StatusBadge>;
  return <StatusBadge tone="info">Sending…</StatusBadge>;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

function salaryText(value: unknown): string | null {
  const salary = value as { amount?: unknown; currency?: unknown; interval?: unknown } | null;
  if (!salary || typeof salary.amount !== "number") return null;
  const currency = typeof salary.currency === "string" ? salary.currency : "";
  const amount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(salary.amount);
  return `${amount} ${currency} per ${typeof salary.interval === "string" ? salary.interval : "year"}`.replace("  ", " ");
}

/** What was sent to Zenefits, field by field (the export's own summary: no file bytes). */
export function SentFields({ sent }: { sent: Transfer["sent"] }) {
  if (!sent) return <p className="muted small">Nothing was sent: the export stopped before building the new hire.</p>;
  const s = sent as Record<string, unknown>;
  const resume = s.resume as { file_name?: unknown } | null | undefined;
  const interviewers = Array.isArray(s.interviewers) ? s.interviewers.length : null;
  const date = (v: unknown) => (text(v) ? formatIsoDate(String(v)) : null);
  const rows: [string, ReactNode][] = (
    [
      ["Name", [text(s.first_name), text(s.last_name)].filter(Boolean).join(" ") || null],
      ["Email", text(s.email)],
      ["Phone", text(s.phone)],
      ["Job title", text(s.job_title)],
      ["Department", text(s.department)],
      ["Work location", text(s.work_location)],
      ["Reports to", text(s.manager)],
      ["Start date", date(s.start_date)],
      ["Offer date", date(s.offer_date)],
      ["Salary", salaryText(s.salary)],
      ["Stage", text(s.stage)],
      ["Interviewers", interviewers === null ? null : String(interviewers)],
      ["Resume", resume && text(resume.file_name) ? String(resume.file_name) : "none"],
    ] as [string, ReactNode][]
  ).filter(([, value]) => value !== null && value !== "");
  return (
    <dl className="sent-fields" aria-label="What was sent">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
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
          {transfer.zenefitsCandidateId ? ` · Zenefits candidate ${transfer.zenefitsCandidateId}` : ""}
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
