import { loadConfig } from "@roster/config";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { connectors } from "@roster/registry";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runConnectionSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/index";
import { callerFor } from "./helpers/callers";
import { insertConnection } from "./helpers/connections";
import { expectTrpcError } from "./helpers/expect-error";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";

// The directory router over a directory synced for real from the Zenefits simulator.
let database: TestDatabase;
let deps: ApiDeps;
let sim: ZenefitsSim;
let fx: OrgFixture;
const encryptionKey = generateEncryptionKey();
const PEOPLE = 40;

beforeAll(async () => {
  [database, sim] = await Promise.all([createTestDatabase(), startZenefitsSim({ port: 0, people: PEOPLE, seed: 3 })]);
  deps = {
    db: database.db,
    config: loadConfig({ NODE_ENV: "test", ENCRYPTION_KEY: encryptionKey }),
    log: createLogger("test", { level: "silent" }),
  };
  fx = await createOrgFixture(deps.db);
  const connectionId = await insertConnection(deps.db, fx.organisationId, {
    encryptionKey,
    accessToken: sim.defaultToken,
    baseUrl: sim.url,
  });
  const sync = () =>
    runConnectionSync({
      db: deps.db,
      connectionId,
      trigger: "manual",
      connectors,
      encryptionKey,
      log: createLogger("sync", { level: "silent" }),
    });
  expect((await sync()).status).toBe("succeeded");
  sim.mutate({ delete: 1 });
  expect((await sync()).status).toBe("succeeded");
});
afterAll(async () => {
  await sim?.close();
  await database?.drop();
});

async function as(who: keyof OrgFixture["users"], organisationId = fx.organisationId) {
  return (await callerFor(deps, await insertSession(deps.db, fx.users[who].id, organisationId))).caller;
}

const idOf = async (remoteId: string) =>
  (await deps.db.selectFrom("employees").select("id").where("remote_id", "=", remoteId).executeTakeFirstOrThrow()).id;

describe("directory", () => {
  it("pages through everyone with the keyset cursor, counted on the first page only", async () => {
    const member = await as("member");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await member.directory.people({ limit: 15, cursor });
      // The first page's count stands for the whole walk; the pages after it are not recounted.
      expect(page).toMatchObject({ total: cursor ? null : PEOPLE, totalIsCapped: false });
      seen.push(...page.people.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(PEOPLE);
  });

  it("searches, filters by department and status (deleted included), and refuses malformed filters", async () => {
    const member = await as("member");
    const someone = sim.truth().people.find((p) => p.last_name.length > 3 && p.status === "active")!;
    const found = await member.directory.people({ search: someone.last_name.toUpperCase() });
    expect(found.people.map((p) => p.displayName).join(" ")).toContain(someone.last_name);

    const departments = await member.directory.departments();
    const biggest = [...departments].sort((a, b) => b.headCount - a.headCount)[0]!;
    const inDepartment = await member.directory.people({ departmentId: biggest.id, status: "active", limit: 100 });
    expect(inDepartment.people.every((p) => p.departmentName === biggest.name && p.status === "active")).toBe(true);
    const deleted = await member.directory.people({ status: "deleted" });
    expect(deleted.total).toBe(1);
    expect(deleted.people[0]?.deleted).toBe(true);

    await expectTrpcError(member.directory.people({ departmentId: "not-a-uuid" }), "BAD_REQUEST");
    await expectTrpcError(member.directory.people({ limit: 1000 }), "BAD_REQUEST");
  });

  it("counts heads per department and location", async () => {
    const member = await as("member");
    const [departments, locations] = await Promise.all([member.directory.departments(), member.directory.locations()]);
    expect(departments.length).toBeGreaterThan(0);
    expect(departments.reduce((n, d) => n + d.headCount, 0)).toBeGreaterThan(0);
    expect(locations.every((l) => l.headCount >= 0 && typeof l.name === "string")).toBe(true);
  });

  it("shows a person with their manager chain to the top and their direct reports", async () => {
    const truth = sim.truth();
    const byId = new Map(truth.people.map((p) => [p.id, p]));
    const managerOf = (p: (typeof truth.people)[number]) => p.manager.url?.split("/").pop();
    // Someone at least two levels below the top.
    const deep = truth.people.find((p) => {
      const manager = byId.get(managerOf(p) ?? "");
      return manager && managerOf(manager);
    })!;
    const person = await (await as("member")).directory.person({ id: await idOf(deep.id) });
    const expectedChain: string[] = [];
    for (let m = byId.get(managerOf(deep) ?? ""); m; m = byId.get(managerOf(m) ?? "")) expectedChain.push(m.id);
    expect(person.managerChain.map((m) => m.id)).toEqual(await Promise.all(expectedChain.map(idOf)));
    expect(person.managerChain.at(-1)?.displayName).toBe("Nathan Ash");

    const top = await (await as("member")).directory.person({ id: person.managerChain.at(-1)!.id });
    expect(top.managerChain).toEqual([]);
    expect(top.directReports.length).toBeGreaterThan(0);
  });

  it("hides personal contact details and custom fields from members without the sensitive flag", async () => {
    const withValues = sim.truth().customFieldValues[0]!.person.url!.split("/").pop()!;
    const person = sim.truth().people.find((p) => p.id === withValues)!;
    const id = await idOf(withValues);
    const plain = await (await as("member")).directory.person({ id });
    expect(plain).toMatchObject({ sensitiveHidden: true, personalEmail: null, personalPhone: null, customFields: [] });
    expect(plain.displayName).toBeTruthy();
    for (const who of ["sensitiveMember", "admin", "owner"] as const) {
      const full = await (await as(who)).directory.person({ id });
      expect(full.sensitiveHidden).toBe(false);
      expect(full.customFields.length).toBeGreaterThan(0);
      expect(full.personalEmail).toBe(person.personal_email);
    }
  });

  it("keeps each organisation's directory to itself", async () => {
    const someone = (await (await as("member")).directory.people({ limit: 1 })).people[0]!;
    const other = await as("otherOwner", fx.otherOrganisationId);
    await expectTrpcError(other.directory.person({ id: someone.id }), "NOT_FOUND");
    expect((await other.directory.people({})).total).toBe(0);
    expect(await other.directory.departments()).toEqual([]);
  });
});
