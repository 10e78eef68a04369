import { StatusBadge, type Tone } from "../../components/status-badge";

const statuses: Record<string, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  leave: { label: "On leave", tone: "warning" },
  pending: { label: "Pending", tone: "info" },
  inactive: { label: "Inactive", tone: "neutral" },
  terminated: { label: "Terminated", tone: "danger" },
};

/**
 * A person's status; "Deleted" wins: they no longer exist in the HR system. Unknown when the
 * HR system does not let Roster read it (never a guess).
 */
export function PersonStatusBadge({ status, deleted }: { status: string | null; deleted: boolean }) {
  if (deleted) return <StatusBadge tone="neutral">Deleted</StatusBadge>;
  if (status === null) return <StatusBadge tone="neutral">Status unknown</StatusBadge>;
  const known = statuses[status] ?? { label: status, tone: "neutral" as const };
  return <StatusBadge tone={known.tone}>{known.label}</StatusBadge>;
}
