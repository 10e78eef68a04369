import { parseSince, toTimestamp } from "../dates";
import { badRequest } from "../http/api-error";
import { JSON_TYPE, joinedChunks, type SimResponse, streamed, XML_TYPE } from "../http/respond";
import { attributes, element } from "../http/xml";
import { canSeeEmployee } from "../model/access";
import type { EmployeeRecord } from "../model/records";
import { type ApiContext, fieldView } from "./context";
import { rowsOf, rowsXml, tableOrThrow } from "./tables";

type Action = "Inserted" | "Updated" | "Deleted";
const TYPES: Record<string, Action | null> = { inserted: "Inserted", updated: "Updated", deleted: "Deleted", all: null };

function sinceOf(ctx: ApiContext): number {
  const since = parseSince(ctx.url.searchParams.get("since"));
  if (since === null) throw badRequest("since is required: an ISO 8601 timestamp such as 2024-01-01T00:00:00Z");
  return since;
}

/** Whether a change at `changedSec` is reported for `since` (inclusive by default; see Behaviour). */
function isAfter(ctx: ApiContext, changedSec: number, since: number): boolean {
  return ctx.state.behaviour.changedSince === "inclusive" ? changedSec >= since : changedSec > since;
}

/**
 * GET /v1/employees/changed?since=&type= (reference §3.1): a map keyed by
 * employee id, "Inserted" for employees created since then, "Deleted" for
 * deletions; `latest` is the newest change reported (or `since` when none),
 * to feed back as the next `since`.
 */
export function changedEmployees(ctx: ApiContext): SimResponse {
  const since = sinceOf(ctx);
  const rawType = (ctx.url.searchParams.get("type") ?? "all").toLowerCase();
  if (!(rawType in TYPES)) throw badRequest(`type must be inserted, updated, deleted or all (got "${rawType}")`);
  const only = TYPES[rawType] ?? null;
  const company = ctx.company.data;
  const changes: { id: number; action: Action; at: number }[] = [];
  for (const e of company.employees) {
    if (!isAfter(ctx, e.lastChangedSec, since) || !canSeeEmployee(ctx.access, e.id)) continue;
    changes.push({ id: e.id, action: isAfter(ctx, e.createdSec, since) ? "Inserted" : "Updated", at: e.lastChangedSec });
  }
  for (const d of company.deleted) {
    if (isAfter(ctx, d.lastChangedSec, since) && canSeeEmployee(ctx.access, d.id))
      changes.push({ id: d.id, action: "Deleted", at: d.lastChangedSec });
  }
  const reported = changes.filter((c) => only === null || c.action === only).sort((a, b) => a.id - b.id);
  const latestSec = reported.reduce((max, c) => Math.max(max, c.at), Number.NEGATIVE_INFINITY);
  const latest = toTimestamp(Number.isFinite(latestSec) ? latestSec : Math.floor(since));
  if (ctx.json) {
    const entry = (c: (typeof reported)[number]) =>
      `"${c.id}":{"id":"${c.id}","action":"${c.action}","lastChanged":"${toTimestamp(c.at)}"}`;
    return streamed(JSON_TYPE, joinedChunks(`{"latest":"${latest}","employees":{`, reported, entry, ",", "}}"));
  }
  const entry = (c: (typeof reported)[number]) =>
    `<employee${attributes({ id: c.id, action: c.action, lastChanged: toTimestamp(c.at) })}/>`;
  return streamed(
    XML_TYPE,
    joinedChunks(`<?xml version="1.0"?>\n<employees latest="${latest}">`, reported, entry, "", "</employees>\n"),
  );
}

/**
 * GET /v1/employees/changed/tables/{table}?since= (reference §3.2): for each
 * employee changed since then (any field), all their rows of the table.
 */
export function changedTable(ctx: ApiContext, params: Record<string, string>): SimResponse {
  const table = tableOrThrow(params.table ?? "");
  const since = sinceOf(ctx);
  const view = fieldView(ctx, true, "lastFirst");
  const changed = ctx.company.data.employees.filter(
    (e) => isAfter(ctx, e.lastChangedSec, since) && canSeeEmployee(ctx.access, e.id),
  );
  if (ctx.json) {
    const entry = (e: EmployeeRecord) =>
      `"${e.id}":${JSON.stringify({ lastChanged: toTimestamp(e.lastChangedSec), rows: rowsOf(table, e, ctx.access, view) })}`;
    return streamed(JSON_TYPE, joinedChunks(`{"table":${JSON.stringify(table.alias)},"employees":{`, changed, entry, ",", "}}"));
  }
  const entry = (e: EmployeeRecord) =>
    element("employee", { id: e.id, lastChanged: toTimestamp(e.lastChangedSec) }, rowsXml(rowsOf(table, e, ctx.access, view)));
  const head = `<?xml version="1.0"?>\n<table${attributes({ id: table.alias })}>`;
  return streamed(XML_TYPE, joinedChunks(head, changed, entry, "", "</table>\n"));
}
