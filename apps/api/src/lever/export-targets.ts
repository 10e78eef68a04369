import { ConnectionError } from "@roster/connections";
import type { Db } from "@roster/db";
import { findConnector } from "@roster/registry";

export interface ExportTargetOption {
  id: string;
  displayName: string;
  /** The provider's name, e.g. "BambooHR". */
  connectorName: string;
}

/** The organisation's HRIS connections that can receive hires (their connector has an importHire action). */
export async function listExportTargets(db: Db, organisationId: string): Promise<ExportTargetOption[]> {
  const rows = await db
    .selectFrom("connections")
    .select(["id", "display_name", "connector_id"])
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .execute();
  return rows.flatMap((row) => {
    const connector = findConnector(row.connector_id);
    if (connector?.manifest.kind !== "hris" || !connector.actions?.importHire) return [];
    return [{ id: row.id, displayName: row.display_name, connectorName: connector.manifest.name }];
  });
}

/** The chosen export target, checked to be one of the organisation's; an invalid ConnectionError naming the field otherwise. */
export async function checkExportTarget(db: Db, organisationId: string, exportTo: string): Promise<ExportTargetOption> {
  const target = (await listExportTargets(db, organisationId)).find((t) => t.id === exportTo);
  if (!target) {
    throw new ConnectionError("invalid", "Choose where hires are sent", {
      fields: { exportTo: "Choose one of this organisation's HRIS connections that can receive hires" },
    });
  }
  return target;
}
