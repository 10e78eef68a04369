import { openDatabase } from "../database";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { formatTime } from "../output/format";
import type { Output } from "../output/output";
import { renderTable } from "../output/table";

/** `roster connections`: every connection in the database, to find the id `sync` and `runs` take. */
export async function connectionsCommand(out: Output): Promise<ExitCodeValue> {
  const db = await openDatabase();
  try {
    const rows = await db
      .selectFrom("connections")
      .innerJoin("organisations", "organisations.id", "connections.organisation_id")
      .select([
        "connections.id",
        "connections.connector_id",
        "connections.display_name",
        "connections.status",
        "connections.last_success_at",
        "connections.last_sync_at",
        "organisations.name as organisation",
      ])
      .orderBy("organisations.name")
      .orderBy("connections.created_at")
      .execute();
    out.data({
      connections: rows.map((r) => ({
        id: r.id,
        organisation: r.organisation,
        connector: r.connector_id,
        name: r.display_name,
        status: r.status,
        lastSyncAt: r.last_sync_at?.toISOString() ?? null,
        lastSuccessAt: r.last_success_at?.toISOString() ?? null,
      })),
    });
    if (rows.length === 0) {
      out.line("No connections yet: connect a provider in the dashboard, or with `roster connect`.");
      return ExitCode.ok;
    }
    out.line(
      renderTable(
        [
          { header: "ID" },
          { header: "ORGANISATION" },
          { header: "CONNECTOR" },
          { header: "NAME" },
          { header: "STATUS" },
          { header: "LAST SUCCESS" },
        ],
        rows.map((r) => [
          r.id,
          r.organisation,
          r.connector_id,
          r.display_name,
          r.status,
          r.last_success_at ? formatTime(r.last_success_at) : "never",
        ]),
      ),
    );
    return ExitCode.ok;
  } finally {
    await db.destroy();
  }
}
