import type { PermissionEffect } from "@roster/connections";
import type { Output } from "./output";

export interface PermissionLine {
  id: string;
  label: string;
  /** unknown: not checked since the token stopped working. */
  state: "granted" | "missing" | "unknown";
  /** What Roster reads through it: what is not kept current while it is missing. */
  feeds: string[];
}

/**
 * The permissions checklist, as verify, connect and rotate print it: ✓ granted, ✗ missing
 * with what Roster then cannot keep current, ? unknown.
 */
export function printPermissions(out: Output, permissions: readonly PermissionLine[]): void {
  const { c } = out;
  const width = Math.max(...permissions.map((p) => p.label.length));
  const idWidth = Math.max(...permissions.map((p) => p.id.length));
  for (const p of permissions) {
    const mark = p.state === "granted" ? c.green("✓") : p.state === "missing" ? c.red("✗") : c.yellow("?");
    const note =
      p.state === "missing"
        ? `  ${c.red("missing")}${p.feeds.length > 0 ? ` · not kept current: ${p.feeds.join(", ")}` : ""}`
        : p.state === "unknown"
          ? `  ${c.yellow("unknown")}`
          : "";
    out.line(`  ${mark} ${p.label.padEnd(width)}  ${c.dim(p.id.padEnd(idWidth))}${note}`.trimEnd());
  }
}

/** The summary under a checklist with missing permissions: what to grant, in the provider's words. */
export function printMissingAdvice(
  out: Output,
  providerName: string,
  missing: readonly PermissionLine[],
  then = "then verify again",
): void {
  if (missing.length === 0) return;
  out.line();
  out.line(
    `${missing.length} permission${missing.length === 1 ? " is" : "s are"} missing: Roster syncs what it can and reports the rest. ` +
      `Grant ${missing.map((p) => `"${p.label}"`).join(", ")} on the token in ${providerName}, ${then}.`,
  );
}

/** What a rotation to fewer permissions would stop updating, in the dashboard's words. */
export function printLostPermissions(out: Output, providerName: string, lost: readonly PermissionEffect[]): void {
  out.note("The new token lacks permissions the current one grants. Roster keeps what it has stored, but stops updating:");
  for (const p of lost) out.note(`  • ${p.label}${p.feeds.length > 0 ? `: ${p.feeds.join(", ")}` : ""}`);
  out.note(`Grant those permissions to the token in ${providerName} instead, and nothing stops updating.`);
}
