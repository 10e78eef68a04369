import type { Connector } from "@roster/core";
// The pure module, not the engine: the CLI's verify loads this without pg or the sync engine.
import { unknownFields } from "@roster/sync/unknown-fields";

/** One permission of a connector and what Roster reads through it, in people's words. */
export interface PermissionEffect {
  id: string;
  label: string;
  /** Collections ("Custom field values") and fields ("Manager") that stop updating without it. */
  feeds: string[];
}

/**
 * What each of `permissionIds` feeds: what would no longer be kept current if the token lost
 * it. Read from the connector's streams (requires, fieldsByPermission), as the sync engine does.
 */
export function permissionEffects(connector: Connector, permissionIds: readonly string[]): PermissionEffect[] {
  return permissionIds.map((id) => {
    const others = connector.manifest.permissions.map((p) => p.id).filter((p) => p !== id);
    const feeds = unknownFields(connector, others)
      .filter((u) => u.permission === id)
      .map((u) => u.label);
    const label = connector.manifest.permissions.find((p) => p.id === id)?.label ?? id;
    return { id, label, feeds: [...new Set(feeds)] };
  });
}
