import { fieldLabel, type ModelName } from "@roster/core";
import { tableSpecs } from "./tables/index";

const PROVIDER_DETAILS = "Other details from the provider";

/**
 * The columns change_log names for a changed record, as the fields people know: "Work email"
 * (for work_email and work_email_normalized alike), "Manager" (for manager_remote_id). The
 * provider's raw record is named only when nothing else changed; bookkeeping columns never are.
 */
export function changedFieldLabels(model: ModelName, columns: readonly string[]): string[] {
  const labels = new Map<string, string>([["remote_data", PROVIDER_DETAILS]]);
  for (const column of tableSpecs[model].columns) {
    if (column.field) labels.set(column.column, fieldLabel(model, column.field));
  }
  const words = [...new Set(columns.flatMap((column) => labels.get(column) ?? []))];
  const named = words.filter((w) => w !== PROVIDER_DETAILS);
  return named.length > 0 ? named : words;
}
