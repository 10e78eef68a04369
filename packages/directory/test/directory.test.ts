import { zenefits } from "@roster/connector-zenefits";
import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { changedFieldLabels, runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPerson, type ListCaps, listDepartments, listLocations, listPeople } from "../src/index";

// The directory reads over a directory synced for real from the Zenefits simulator.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 300, seed: 5 });
  const connection = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Zenefits" });
  const other = await testDb.db.insertInto("organisations").values({ name: "Other" }).returning("id").executeTakeFirstOrThrow();
  orgId = connection.organisationId;
  otherOrgId = other.id;
  const run = () =>
    runSync({
      db: testDb.db,
      connector: zenefits,
      credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
      connection,
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

  it("sorts by a whitelisted column either way, paging through everyone exactly once in the database's order", async () => {
    // Tried: every page of the list sorted by department descending, then by job title ascending.
    // Holds: all 300 once, in the order PostgreSQL gives for (column, name, id) the same way.
    for (const [sort, direction, column] of [
      ["department", "desc", sql`coalesce(d.name, '')`],
      ["jobTitle", "asc", sql`coalesce(e.job_title, '')`],
    ] as const) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPeople(testDb.db, orgId, { limit: 41, sort, direction, cursor });
        ids.push(...page.people.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const dir = sql.raw(direction);
      const { rows } = await sql<{ id: string }>`
        select e.id from employees e left join departments d on d.id = e.department_id
        where e.organisation_id = ${orgId}
        order by ${column} ${dir}, e.display_name ${dir}, e.id ${dir}`.execute(testDb.db);
      expect(ids).toEqual(rows.map((r) => r.id));
    }
  });

  it("searches by part of a name or an email, case-insensitively, with LIKE wildcards taken literally", async () => {
    const someone = sim.truth().people.find((p) => p.work_email && p.last_name && p.last_name.length > 3)!;
    const byName = await listPeople(testDb.db, orgId, { search: someone.last_name!.slice(0, 4).toUpperCase() });
    expect(byName.people.map((p) => p.workEmail)).toContain(someone.work_email);
    const byEmail = await listPeople(testDb.db, orgId, { search: someone.work_email! });
    expect(byEmail.people[0]?.workEmail).toBe(someone.work_email);
    expect((await listPeople(testDb.db, orgId, { search: "%" })).total).toBe(0);
  });

  it("folds case beyond ASCII, whatever the server's collation: łukasz finds Łukasz, ÖZIL finds Özil", async () => {
    // The test server runs the C locale, whose lower() folds ASCII only.
    const people = sim.truth().people;
    const capital = people.find(
      (p) => (p.first_name ?? "").charCodeAt(0) > 127 && (p.first_name ?? "").toLowerCase() !== p.first_name,
    );
    expect(capital, "the seed has someone whose first name starts with a non-ASCII capital").toBeDefined();
    const name = capital!.first_name!;
    for (const search of [name.toLowerCase(), name.toUpperCase()]) {
      const found = await listPeople(testDb.db, orgId, { search, limit: 100 });
      const expected = people.filter((p) => `${p.first_name} ${p.last_name}`.toLowerCase().includes(name.toLowerCase()));
      expect(found.total, `searching ${search}`).toBe(expected.length);
    }
  });

  it("pages a search the same whether its matches are gathered, gathered then walked, or walked in name order", async () => {
    // "example" is in every work email: a search common enough to go over small caps.
    const walk = async (caps: ListCaps) => {
      const ids: string[] = [];
      const totals: (number | null)[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPeople(testDb.db, orgId, { search: "example", limit: 40, cursor }, caps);
        ids.push(...page.people.map((p) => p.id));
        totals.push(page.total);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { ids, first: totals[0], rest: totals.slice(1) };
    };
    const gathered = await walk({ count: 10_000, searchGather: 5_000, laterPagesGather: 5_000 });
    const thenWalked = await walk({ count: 10_000, searchGather: 5_000, laterPagesGather: 25 });
    const walked = await walk({ count: 10_000, searchGather: 25, laterPagesGather: 25 });
    expect(gathered.ids.length).toBeGreaterThan(100);
    expect(thenWalked.ids).toEqual(gathered.ids);
    expect(walked.ids).toEqual(gathered.ids);
    expect(gathered.first).toBe(gathered.ids.length);
    expect(thenWalked.first).toBe(gathered.ids.length);
    // Over the gather cap the count stops at it and says so.
    const capped = await listPeople(
      testDb.db,
      orgId,
      { search: "example" },
      { count: 10_000, searchGather: 25, laterPagesGather: 25 },
    );
    expect(capped).toMatchObject({ total: 25, totalIsCapped: true });
    expect([...gathered.rest, ...thenWalked.rest, ...walked.rest].every((t) => t === null)).toBe(true);
  });

  it("finds what a search too short or too punctuated for trigrams names, by walking: two letters, an apostrophe", async () => {
    // What the database itself says matches: the oracle these searches must agree with.
    const matches = async (search: string) =>
      testDb.db
        .selectFrom("employees")
        .select("id")
        .where("organisation_id", "=", orgId)
        .where(sql<boolean>`strpos(search_text, ${search.toLowerCase()}) > 0`)
        .orderBy("display_name")
        .orderBy("id")
        .execute();
    const apostrophe = sim.truth().people.find((p) => /\w'\w/.test(p.last_name ?? ""));
    expect(apostrophe, "the seed has a last name with an apostrophe").toBeDefined();
    const at = apostrophe!.last_name!.indexOf("'");
    for (const search of ["Ex", apostrophe!.last_name!.slice(at - 1, at + 2)]) {
      const expected = await matches(search);
      const found = await listPeople(testDb.db, orgId, { search, limit: 100 });
      expect(found.total, search).toBe(expected.length);
      expect(
        found.people.map((p) => p.id),
        search,
      ).toEqual(expected.slice(0, 100).map((r) => r.id));
      expect(found.total, search).toBeGreaterThan(0);
    }
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

  it("searches within a filter: a gathered search keeps only the matches the department, location or status allows", async () => {
    // Tried: a trigram search ("example", in every work email) gathered through employee_search
    // together with each filter. Must hold: the page and the count are exactly what the
    // database's own strpos over employees, with the same filter, gives.
    const [department] = await listDepartments(testDb.db, orgId);
    const [location] = await listLocations(testDb.db, orgId);
    const cases = [
      { departmentId: department!.id },
      { locationId: location!.id },
      { status: "terminated" as const },
      { status: "deleted" as const },
    ];
    for (const filter of cases) {
      const expected = await testDb.db
        .selectFrom("employees")
        .select("id")
        .where("organisation_id", "=", orgId)
        .where(sql<boolean>`strpos(search_text, 'example') > 0`)
        .$if(!!filter.departmentId, (qb) => qb.where("department_id", "=", filter.departmentId!))
        .$if(!!filter.locationId, (qb) => qb.where("location_id", "=", filter.locationId!))
        .$if(filter.status === "terminated", (qb) => qb.where("status", "=", "terminated").where("remote_deleted_at", "is", null))
        .$if(filter.status === "deleted", (qb) => qb.where("remote_deleted_at", "is not", null))
        .orderBy("display_name")
        .orderBy("id")
        .execute();
      const found = await listPeople(testDb.db, orgId, { search: "example", limit: 100, ...filter });
      expect(found.total, JSON.stringify(filter)).toBe(expected.length);
      expect(found.total, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(found.people.map((p) => p.id)).toEqual(expected.slice(0, 100).map((r) => r.id));
    }
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

  it("gives the person page's lists as stored: custom field values, employments and history, each in its order", async () => {
    // Someone the second sync deleted: they have change history as well as employments and values.
    const changed = await testDb.db
      .selectFrom("change_log")
      .select(["remote_id", "connection_id"])
      .where("entity", "=", "employees")
      .executeTakeFirstOrThrow();
    const row = await testDb.db
      .selectFrom("employees")
      .select(["id", "remote_deleted_at"])
      .where("connection_id", "=", changed.connection_id)
      .where("remote_id", "=", changed.remote_id)
      .executeTakeFirstOrThrow();
    const person = (await getPerson(testDb.db, orgId, row.id))!;
    expect(person.deletedAt).toEqual(row.remote_deleted_at);

    const history = await testDb.db
      .selectFrom("change_log")
      .select(["change", "fields", "created_at"])
      .where("connection_id", "=", changed.connection_id)
      .where("entity", "=", "employees")
      .where("remote_id", "=", changed.remote_id)
      .orderBy("created_at", "desc")
      .execute();
    expect(history.length).toBeGreaterThan(0);
    // The changed fields in people's words, never the column names change_log stores.
    expect(person.history).toEqual(
      history.map((h) => ({
        change: h.change,
        fields: h.fields ? changedFieldLabels("employees", h.fields) : null,
        at: h.created_at,
      })),
    );
    expect(JSON.stringify(person.history.map((h) => h.fields))).not.toMatch(/_/);

    const employments = await testDb.db
      .selectFrom("employments")
      .select(["start_date", "termination_date", "employment_type", "is_active"])
      .where("connection_id", "=", changed.connection_id)
      .where("employee_remote_id", "=", changed.remote_id)
      .where("remote_deleted_at", "is", null)
      .orderBy("start_date", "desc")
      .execute();
    expect(person.employments).toEqual(
      employments.map((m) => ({
        startDate: m.start_date,
        terminationDate: m.termination_date,
        employmentType: m.employment_type,
        isActive: m.is_active,
      })),
    );

    // Someone with several custom field values: sorted by field name, values as stored (JSON).
    const truth = sim.truth();
    const valueOwner = truth.customFieldValues[0]!.person.url!.split("/").pop()!;
    const owner = await testDb.db
      .selectFrom("employees")
      .select("id")
      .where("remote_id", "=", valueOwner)
      .executeTakeFirstOrThrow();
    const values = await testDb.db
      .selectFrom("custom_field_values as v")
      .innerJoin("custom_fields as f", (join) =>
        join.onRef("f.connection_id", "=", "v.connection_id").onRef("f.remote_id", "=", "v.custom_field_remote_id"),
      )
      .select(["f.name", "f.type", "v.value"])
      .where("v.employee_remote_id", "=", valueOwner)
      .where("v.remote_deleted_at", "is", null)
      .orderBy("f.name")
      .execute();
    expect((await getPerson(testDb.db, orgId, owner.id))!.customFields).toEqual(values);
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
