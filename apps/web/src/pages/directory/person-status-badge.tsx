import { StatusBadge, type Tone } from "../../components/status-badge";

const statuses: Record<string, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  leave: { label: "On leave", tone: "warning" },
  pending: { label: "Pending", tone: "info" },
  inactive: { label: "Inactive", tone: "neutral" },
  terminated: { label: "Terminated", tone: "danger" },
};

/** A person's status; "Deleted" wins: they no longer exist in the HR system. */
export function PersonStatusBadge({ status, deleted }: { status: string; deleted: boolean }) {
  if (deleted) return <StatusBadge tone="neutral">Deleted</StatusBadge>;
  const known = statuses[status] ?? { label: status, tone: "neutral" as const };
  return <StatusBadge tone={known.tone}>{known.label}</StatusBadge>;
}
