import { zenefits } from "@roster/connector-zenefits";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPerson, listDepartments, listLocations, listPeople } from "../src/index";

// The directory reads over a directory synced for real from the Zenefits simulator.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 300, seed: 5 });
  const org = await testDb.db.insertInto("organisations").values({ name: "Org" }).returning("id").executeTakeFirstOrThrow();
  const other = await testDb.db.insertInto("organisations").values({ name: "Other" }).returning("id").executeTakeFirstOrThrow();
  orgId = org.id;
  otherOrgId = other.id;
  const connection = await testDb.db
    .insertInto("connections")
    .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Zenefits", credentials_encrypted: "unused" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const run = () =>
    runSync({
      db: testDb.db,
      connector: zenefits,
      credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
      connection: { id: connection.id, organisationId: org.id, lastSuccessAt: null },
      trigger: "manual",
      log: createLogger("test", { level: "silent" }),
    });
  expect((await run()).status).toBe("succeeded");
  sim.mutate({ delete: 2 });
  expect((await run()).status).toBe("succeeded");
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

describe("people list", () => {
  it("pages through everyone exactly once, in name order", async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let cursor: string | undefined;
    let first = true;
    do {
      const page = await listPeople(testDb.db, orgId, { limit: 37, cursor });
      // Counted once, on the first page; the pages after it answer null rather than count again.
      if (first) expect(page.total).toBe(300);
      else expect(page.total).toBeNull();
      first = false;
      seen.push(...page.people.map((p) => p.id));
      names.push(...page.people.map((p) => p.displayName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    // The database's own collation decides name order; pages must follow it without gaps.
    const ordered = await testDb.db
      .selectFrom("employees")
      .select("id")
      .where("organisation_id", "=", orgId)
      .orderBy("display_name")
      .orderBy("id")
      .execute();
    expect(seen).toEqual(ordered.map((r) => r.id));
    expect(names.length).toBe(300);
  });

  it("searches by part of a name or an email, case-insensitively, with LIKE wildcards taken literally", async () => {
    const someone = sim.truth().people.find((p) => p.work_email && p.last_name && p.last_name.length > 3)!;
    const byName = await listPeople(testDb.db, orgId, { search: someone.last_name!.slice(0, 4).toUpperCase() });
    expect(byName.people.map((p) => p.workEmail)).toContain(someone.work_email);
    const byEmail = await listPeople(testDb.db, orgId, { search: someone.work_email! });
    expect(byEmail.people[0]?.workEmail).toBe(someone.work_email);
    expect((await listPeople(testDb.db, orgId, { search: "%" })).total).toBe(0);
  });

  it("filters by department, location and status; shows deleted people as deleted", async () => {
    const [department] = await listDepartments(testDb.db, orgId);
    const inDepartment = await listPeople(testDb.db, orgId, { departmentId: department!.id, limit: 100 });
    expect(inDepartment.total).toBeGreaterThan(0);
    expect(inDepartment.people.every((p) => p.departmentName === department!.name)).toBe(true);
    const [location] = await listLocations(testDb.db, orgId);
    const atLocation = await listPeople(testDb.db, orgId, { locationId: location!.id, limit: 100 });
    expect(atLocation.people.every((p) => p.locationName === location!.name)).toBe(true);
    const terminated = await listPeople(testDb.db, orgId, { status: "terminated" });
    expect(terminated.total).toBeGreaterThan(0);
    expect(terminated.people.every((p) => p.status === "terminated")).toBe(true);
    const deleted = await listPeople(testDb.db, orgId, { status: "deleted" });
    expect(deleted.total).toBe(2);
    expect(deleted.people.every((p) => p.deleted)).toBe(true);
  });

  it("never shows another organisation's people, and restarts on a tampered cursor", async () => {
    expect((await listPeople(testDb.db, otherOrgId, {})).total).toBe(0);
    const page = await listPeople(testDb.db, orgId, { cursor: "bm90LWEtY3Vyc29y", limit: 5 });
    expect(page.people).toHaveLength(5);
  });
});

describe("person page and groups", () => {
  it("shows the manager chain to the top, direct reports and custom fields", async () => {
    const truth = sim.truth();
    const valueOwner = truth.customFieldValues[0]!.person.url!.split("/").pop()!;
    const row = await testDb.db
      .selectFrom("employees")
      .select("id")
      .where("remote_id", "=", valueOwner)
      .executeTakeFirstOrThrow();
    const person = (await getPerson(testDb.db, orgId, row.id))!;
    expect(person.customFields.length).toBeGreaterThan(0);
    expect(person.startDate).not.toBeNull();
    const top = person.managerChain.at(-1);
    if (top) {
      const topDetail = (await getPerson(testDb.db, orgId, top.id))!;
      expect(topDetail.managerChain).toEqual([]);
      expect(topDetail.directReports.length).toBeGreaterThan(0);
    }
    for (const report of person.directReports)
      expect((await getPerson(testDb.db, orgId, report.id))?.managerChain[0]?.id).toBe(person.id);
    expect(await getPerson(testDb.db, otherOrgId, row.id)).toBeNull();
  });

  it("counts heads per department and location, excluding terminated and deleted people", async () => {
    const departments = await listDepartments(testDb.db, orgId);
    const counted = departments.reduce((n, d) => n + d.headCount, 0);
    const { n } = await testDb.db
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", orgId)
      .where("department_id", "is not", null)
      .where("status", "<>", "terminated")
      .where("remote_deleted_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(counted).toBe(Number(n));
    expect((await listLocations(testDb.db, orgId)).every((l) => l.headCount >= 0)).toBe(true);
  });
});
