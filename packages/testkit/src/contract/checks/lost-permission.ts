import { sql } from "@roster/db";
import { type SyncOutcome, tableSpecs } from "@roster/sync";
import { expect } from "vitest";
import type { ContractHarness } from "../harness";
import { defineCheck } from "./check";

/** Every stored value of every stream's table but the provider's raw payload, by table and remote id. */
async function storedValues(h: ContractHarness): Promise<Record<string, Record<string, unknown>>> {
  const snapshot: Record<string, Record<string, unknown>> = {};
  for (const stream of Object.values(h.connector.streams)) {
    const spec = tableSpecs[stream.model];
    const columns = [
      ...spec.columns.map((c) => c.column).filter((c) => c !== "remote_data" && c !== "remote_updated_at"),
      ...(spec.references ?? []).map((r) => r.idColumn),
      "remote_deleted_at",
    ];
    const { rows } = await sql<Record<string, unknown>>`
      select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(spec.table)}
      where connection_id = ${h.connectionId} order by remote_id`.execute(h.testDb.db);
    snapshot[spec.table] = Object.fromEntries(rows.map((row) => [String(row.remote_id), row]));
  }
  return snapshot;
}

/** What a token without `permission` cannot keep current, as the connector declares it. */
function fedBy(h: ContractHarness, permission: string): string[] {
  return Object.entries(h.connector.streams).flatMap(([name, stream]) =>
    (stream.requires ?? []).includes(permission)
      ? [`${name}.*`]
      : (stream.fieldsByPermission?.[permission] ?? []).map((field) => `${name}.${field}`),
  );
}

const named = (fields: readonly { stream: string; field: string }[] | undefined) =>
  (fields ?? []).map((f) => `${f.stream}.${f.field}`).sort();

export const lostPermissionCheck = defineCheck({
  id: "lost-permission",
  title:
    "a token that loses a permission erases nothing: every stored value stays, what it fed is listed as lost; granted again, the list empties",
  async run(h) {
    const full = await h.sync();
    expect(full.status).toBe("succeeded");
    const before = await storedValues(h);
    for (const permission of h.connector.manifest.permissions) {
      const label = `without "${permission.label}" (${permission.id})`;
      const reduced: SyncOutcome = await h.sync({ credentials: await h.credentials({ without: [permission.id] }) });
      expect(reduced.status, label).toBe("succeeded");
      // The provider's data did not change: any stored value that did was erased or invented.
      expect(await storedValues(h), `${label}: stored values unchanged`).toEqual(before);
      const expected = fedBy(h, permission.id).sort();
      expect(named(reduced.stale), `${label}: listed as not kept current`).toEqual(expected);
      expect(named(reduced.permissionChange?.lost), `${label}: reported as lost`).toEqual(expected);

      const restored = await h.sync();
      expect(restored.status, `${label}, then granted again`).toBe("succeeded");
      expect(restored.stale, `${label}, then granted again: nothing left stale`).toEqual([]);
      expect(named(restored.permissionChange?.restored), `${label}, then granted again: reported as restored`).toEqual(expected);
      expect(await storedValues(h), `${label}, then granted again: stored values as before`).toEqual(before);
    }
  },
});
