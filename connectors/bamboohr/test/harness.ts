/** Shared test plumbing: contexts against the in-process simulator, stream readers, and the simulator's truth as Roster ids. */
import {
  type ChangesPage,
  type ConnectorContext,
  type ContextOptions,
  createConnectorContext,
  type StreamDefinition,
} from "@roster/core";
import type { AccessProfile, BambooHrSim, BambooTruth } from "@roster/sim-bamboohr";
import { type BambooHrCredentials, type BambooHrPermissionId, bamboohr, bamboohrStreams } from "../src/index";

/** Fast retries keep fault tests short; the policy is the core client's, unchanged otherwise. */
export const fastRetry = { baseDelayMs: 5, maxDelayMs: 50 } as const;

export type StreamName = keyof typeof bamboohrStreams;
export const streamNames = Object.keys(bamboohrStreams) as StreamName[];

export function credentialsFor(sim: BambooHrSim, apiKey: string = sim.apiKey): BambooHrCredentials {
  return { companyDomain: sim.companyDomain, apiKey, baseUrl: sim.url };
}

export function contextFor(
  sim: BambooHrSim,
  apiKey: string = sim.apiKey,
  options: ContextOptions = {},
): ConnectorContext<BambooHrCredentials> {
  return createConnectorContext(bamboohr, credentialsFor(sim, apiKey), { retry: fastRetry, ...options });
}

/**
 * The simulator's access switches that take each permission away. The simulator models
 * BambooHR's per-field access as field groups and single hidden fields (its README, "Permissions").
 */
export const accessWithout: Record<BambooHrPermissionId, Partial<AccessProfile>> = {
  workContact: { hiddenGroups: ["workContact"] },
  personalContact: { hiddenGroups: ["personalContact"] },
  jobInfo: { hiddenGroups: ["jobInfo"] },
  reportsTo: { hiddenGroups: ["supervisor"] },
  employmentStatus: { hiddenGroups: ["employmentStatus"] },
  hireDates: { hiddenFields: ["hireDate", "originalHireDate"] },
  customFields: { hiddenGroups: ["custom"] },
};

/** A new key whose user lacks these permissions (and nothing else). */
export function keyWithout(sim: BambooHrSim, without: readonly string[]): string {
  const hiddenGroups = without.flatMap((p) => accessWithout[p as BambooHrPermissionId]?.hiddenGroups ?? []);
  const hiddenFields = without.flatMap((p) => accessWithout[p as BambooHrPermissionId]?.hiddenFields ?? []);
  return sim.createApiKey({ access: { hiddenGroups, hiddenFields } }).key;
}

export interface ReadResult<Raw = unknown> {
  records: Raw[];
  deleted: string[];
  pages: number;
  /** The cursor after the last page read: null when the read reached its end. */
  cursor: string | null;
}

async function collect<Raw>(pages: AsyncIterable<ChangesPage<Raw>>, cursor: string | null, maxPages: number) {
  const result: ReadResult<Raw> = { records: [], deleted: [], pages: 0, cursor };
  if (maxPages <= 0) return result;
  for await (const page of pages) {
    result.records.push(...page.records);
    result.deleted.push(...(page.deleted ?? []));
    result.pages++;
    result.cursor = page.nextCursor;
    if (result.pages >= maxPages) break;
  }
  return result;
}

type AnyStream = StreamDefinition<BambooHrCredentials, any, any>;

/** A full read from `cursor`, stopping after `maxPages` pages. */
export function readStream(
  stream: AnyStream,
  ctx: ConnectorContext<BambooHrCredentials>,
  cursor: string | null = null,
  maxPages = Infinity,
) {
  return collect(stream.read(ctx, { cursor, since: null }), cursor, maxPages);
}

/** A changes read since `since`. */
export function readChanges(
  stream: AnyStream,
  ctx: ConnectorContext<BambooHrCredentials>,
  since: Date,
  cursor: string | null = null,
) {
  if (!stream.readChanges) throw new Error("the stream has no readChanges");
  return collect(stream.readChanges(ctx, { cursor, since }), cursor, Infinity);
}

/** Remote ids of the records a read gave, as the stream's mapper names them, sorted. */
export function mappedIds(stream: AnyStream, records: readonly unknown[]): string[] {
  return records
    .map((raw) => {
      const mapped = stream.map(raw);
      if (!mapped.ok) throw new Error(`${mapped.remoteId}: ${mapped.reason}`);
      return mapped.value.remoteId as string;
    })
    .sort();
}

/** The simulator's custom fields (its README, "Seeded data"): id, and the key truth() files values under. */
export const SIM_CUSTOM_FIELDS = [
  { id: "4001", key: "customShirtSize" },
  { id: "4002", key: "customAllergies" },
  { id: "4003", key: "4003" },
  { id: "4004", key: "customBadgeExpires" },
  { id: "4005", key: "customRemoteEligible" },
] as const;

const listOptions = (truth: BambooTruth, alias: string) => truth.lists.find((l) => l.alias === alias)?.options ?? [];
const blank = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === "" || value.startsWith("0000-00-00");

/**
 * Employment periods written from the reference alone (§3.3), as the oracle for the employments
 * stream: per employee, rows by date; a "Terminated" row closes the open period; an id is the
 * employee and the period's first row.
 */
function truthPeriods(truth: BambooTruth): string[] {
  const rows = (truth.tables.employmentStatus ?? []) as {
    id: string;
    employeeId: string;
    date: string | null;
    employmentStatus: string | null;
  }[];
  const byEmployee = new Map<string, typeof rows>();
  for (const row of rows) byEmployee.set(row.employeeId, [...(byEmployee.get(row.employeeId) ?? []), row]);
  const ids: string[] = [];
  for (const [employeeId, own] of byEmployee) {
    own.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || Number(a.id) - Number(b.id));
    let first: string | null = null;
    for (const row of own) {
      first ??= row.id;
      if (row.employmentStatus === "Terminated") {
        ids.push(`${employeeId}:${first}`);
        first = null;
      }
    }
    if (first !== null) ids.push(`${employeeId}:${first}`);
  }
  return ids.sort();
}

/** What each stream must hold, as Roster remote ids, from the simulator's truth. */
export function truthIds(truth: BambooTruth): Record<StreamName, string[]> {
  return {
    departments: [
      ...listOptions(truth, "department").map((o) => String(o.id)),
      ...listOptions(truth, "division").map((o) => `division:${o.id}`),
    ].sort(),
    locations: listOptions(truth, "location")
      .map((o) => String(o.id))
      .sort(),
    employees: truth.employees.map((e) => e.id).sort(),
    employments: truthPeriods(truth),
    customFields: SIM_CUSTOM_FIELDS.map((f) => f.id).sort(),
    customFieldValues: truth.employees
      .flatMap((e) => SIM_CUSTOM_FIELDS.filter((f) => !blank(e[f.key])).map((f) => `${e.id}:${f.id}`))
      .sort(),
  };
}
