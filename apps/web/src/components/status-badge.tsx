import type { ReactNode } from "react";

export type Tone = "success" | "danger" | "warning" | "neutral" | "info";

/** A small coloured pill: healthy, failing, disabled, terminated, deleted… */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
