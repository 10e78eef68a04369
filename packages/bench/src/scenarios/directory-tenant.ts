import { zenefitsStreams } from "@roster/connector-zenefits";
import { type ModelName, modelSchemas } from "@roster/core";
import { resolveReferences, tableSpecs, upsertBatch } from "@roster/sync";
import type { BenchContext } from "../context";
import { type FreshDb, settle } from "../harness/database";
import { fetchPages, streamPaths } from "../harness/fetch-pages";
import { fmt } from "../harness/figure";
import { type ConnectionFixture, createConnection, createRun } from "../harness/fixtures";
import { seededRng } from "./directory-requests";
import { employeeRows } from "./employee-rows";

export interface DirectoryTenant {
  db: FreshDb;
  fixture: ConnectionFixture;
  people: number;
  /** What people type in the search box: last names and first-name prefixes of real people. */
  searchTerms: string[];
  departmentIds: string[];
  locationIds: string[];
}

type Upsert = (records: unknown[]) => Promise<unknown>;

/**
 * The main tenant's whole directory (every stream the sync reads, so the person page's
 * employments and custom fields are there too), written with the engine's own upsertBatch in
 * the engine's batch size and its references resolved the way a sync ends; then VACUUM
 * ANALYZE. Untimed: figure 6 measures reads. The people are figures 2 and 3's mapped rows.
 */
export function directoryTenant(ctx: BenchContext): Promise<DirectoryTenant> {
  return ctx.memo("directory-tenant", async () => {
    const sim = await ctx.sim("main");
    const people = await employeeRows(ctx);
    const db = await ctx.dbs.fresh("directory_api");
    const fixture = await createConnection(db.db);
    const scope = { ...fixture, runId: await createRun(db.db, fixture) };
    const size = ctx.sizes.batchSize;
    await ctx.progress.step(`writing the directory of ${fmt.count(people.length)} people (upsertBatch, untimed)`, async () => {
      for (const [name, stream] of Object.entries(zenefitsStreams)) {
        const model = stream.model as ModelName;
        const upsert: Upsert = (records) => upsertBatch(db.db, tableSpecs[model] as never, records as never[], scope);
        if (name === "people") {
          for (let i = 0; i < people.length; i += size) await upsert(people.slice(i, i + size));
          continue;
        }
        const path = streamPaths[name];
        if (!path) throw new Error(`no endpoint known for stream ${name}`);
        const map = stream.map as (raw: unknown) => { ok: boolean; value?: unknown };
        for await (const page of fetchPages(sim.url, sim.token, path)) {
          const records = page.flatMap((raw) => {
            const mapped = map(raw);
            return mapped.ok ? [modelSchemas[model].parse(mapped.value)] : [];
          });
          await upsert(records);
        }
      }
      for (const spec of Object.values(tableSpecs)) await resolveReferences(db.db, spec, fixture.connectionId);
    });
    await settle(db.url);

    const ids = async (table: "departments" | "locations") =>
      (
        await db.db
          .selectFrom(table)
          .select("id")
          .where("connection_id", "=", fixture.connectionId)
          .where("remote_deleted_at", "is", null)
          .orderBy("remote_id")
          .execute()
      ).map((r) => r.id);
    // A sample is enough for the filters (and the load child's input, passed in its environment, stays small).
    const departmentIds = sample(await ids("departments"), 200);
    const locationIds = sample(await ids("locations"), 100);
    if (departmentIds.length === 0 || locationIds.length === 0) throw new Error("the tenant has no departments or locations");
    return { db, fixture, people: people.length, searchTerms: searchTerms(people), departmentIds, locationIds };
  });
}

/** Up to `n` of `items`, the same ones every run. */
function sample<T>(items: readonly T[], n: number): T[] {
  const rng = seededRng(n);
  return [...items]
    .map((item) => ({ item, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, n)
    .map((x) => x.item);
}

/** 60 terms from people spread over the tenant: half full last names (few matches), half 3-letter first-name prefixes (many). */
function searchTerms(people: { firstName: string | null; lastName: string | null }[]): string[] {
  const rng = seededRng(6);
  const terms = new Set<string>();
  for (let i = 0; terms.size < 60 && i < 1000; i++) {
    const person = people[Math.floor(rng() * people.length)];
    const term = i % 2 === 0 ? person?.lastName : person?.firstName?.slice(0, 3);
    if (term && term.length >= 2) terms.add(term);
  }
  return [...terms];
}
