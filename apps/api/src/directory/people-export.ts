import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { recordAudit } from "@roster/accounts";
import { type ExportedPerson, exportPeople, peopleExportQuerySchema } from "@roster/directory";
import { membershipSatisfies } from "../auth/permissions";
import type { ApiDeps } from "../context";
import { createContext } from "../context";
import { sendJson } from "../http-json";
import { csvLine, UTF8_BOM } from "./csv";

/** The directory page's URL parameters, as the export link repeats them. */
function exportQueryFrom(url: URL) {
  const param = (name: string) => url.searchParams.get(name) || undefined;
  return peopleExportQuerySchema.safeParse({
    search: param("q"),
    departmentId: param("department"),
    locationId: param("location"),
    status: param("status"),
  });
}

const statusLabels: Record<string, string> = {
  active: "Active",
  leave: "On leave",
  pending: "Pending",
  inactive: "Inactive",
  terminated: "Terminated",
};

const columns: { header: string; value: (p: ExportedPerson) => string | null | undefined }[] = [
  { header: "Name", value: (p) => p.displayName },
  { header: "Work email", value: (p) => p.workEmail },
  { header: "Job title", value: (p) => p.jobTitle },
  { header: "Department", value: (p) => p.departmentName },
  { header: "Location", value: (p) => p.locationName },
  { header: "Manager", value: (p) => p.managerName },
  { header: "Status", value: (p) => (p.deleted ? "Deleted" : p.status ? (statusLabels[p.status] ?? p.status) : "Unknown") },
  { header: "Start date", value: (p) => p.startDate },
];

/** Personal contact details: only for callers who see sensitive data, as on the person page. */
const sensitiveColumns: typeof columns = [
  { header: "Personal email", value: (p) => p.personalEmail },
  { header: "Personal phone", value: (p) => p.personalPhone },
];

/**
 * GET /exports/people.csv?q=&department=&location=&status= — every person the directory's
 * filters match (not just a page), for any member of the session's organisation, streamed in
 * batches. The sensitive columns are added for owners, admins and flagged members only.
 */
export async function servePeopleExport(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  if (req.method !== "GET") return sendJson(res, 405, { error: "Use GET" });
  const { session } = await createContext(deps, { cookieHeader: req.headers.cookie });
  if (!session) return sendJson(res, 401, { error: "Sign in to export the directory." });
  if (!session.organisationId || !membershipSatisfies("member", session.membership)) {
    return sendJson(res, 403, { error: "You are not a member of this organisation." });
  }
  const query = exportQueryFrom(new URL(req.url ?? "/", "http://localhost"));
  if (!query.success) return sendJson(res, 400, { error: "These filters are not valid", issues: query.error.issues });

  const sensitive = membershipSatisfies("sensitive", session.membership);
  // Who took a copy of the directory, with which filters, and whether it held personal details.
  await recordAudit(deps.db, {
    organisationId: session.organisationId,
    actorUserId: session.user.id,
    action: "directory.exported",
    targetType: "directory",
    targetId: null,
    details: { filters: query.data, sensitive },
  });
  const chosen = sensitive ? [...columns, ...sensitiveColumns] : columns;
  const day = new Date().toISOString().slice(0, 10);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="directory-${day}.csv"`,
    "cache-control": "no-store",
  });
  res.write(UTF8_BOM + csvLine(chosen.map((c) => c.header)));
  try {
    for await (const batch of exportPeople(deps.db, session.organisationId, query.data, { sensitive })) {
      if (res.destroyed) return;
      const chunk = batch.map((person) => csvLine(chosen.map((c) => c.value(person)))).join("");
      if (!res.write(chunk)) await once(res, "drain");
    }
    res.end();
  } catch (err) {
    // Headers are gone: cutting the response short is how the browser learns the file is incomplete.
    deps.log.error({ err }, "people export failed");
    res.destroy();
  }
}
