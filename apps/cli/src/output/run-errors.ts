import type { RunError } from "../sync-errors";
import type { Output } from "./output";

/** One error a line (stream · remote id · kind · message), its hint beneath, then "… N more". */
export function printRunErrors(out: Output, errors: readonly RunError[], total: number, indent = "  "): void {
  const { c } = out;
  for (const e of errors) {
    const where = [e.stream ?? "run", e.remoteId ? `#${e.remoteId}` : null].filter(Boolean).join(" ");
    out.line(`${indent}${c.red("✗")} ${c.bold(where)} ${c.dim(e.kind)}  ${e.message}`);
    if (e.hint) out.line(`${indent}  ${c.dim(`hint: ${e.hint}`)}`);
  }
  if (total > errors.length) out.line(`${indent}${c.dim(`… and ${total - errors.length} more`)}`);
}
