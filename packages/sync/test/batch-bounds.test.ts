import type { ChangesPage, Employee, Mapped } from "@roster/core";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFields } from "../src/copy-text";
import { emptyCounts, type RunCounts } from "../src/counts";
import type { StreamSyncOptions } from "../src/sync-stream";
import { tableSpecs } from "../src/tables/index";
import { newScope } from "./new-scope";
import { person } from "./person";
import { syncPeople } from "./sync-people";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

const unified = (p: { id: string; note: string }) => person(p.id, {}, { firstName: p.id, remoteData: p });
const mapPerson = (raw: unknown): Mapped<Employee> => ({ ok: true, value: unified(raw as { id: string; note: string }) });

/** Six people, one per page, each carrying `noteChars` characters in their raw record. */
function sixPeople(noteChars: number) {
  return Array.from({ length: 6 }, (_, i) => ({ id: `p${i + 1}`, note: "x".repeat(noteChars) }));
}

/** Syncs the people one per page and answers each batch's size, in records, as it was written. */
async function batchesOf(
  people: { id: string; note: string }[],
  bounds: Pick<StreamSyncOptions, "batchSize" | "batchTextLimit">,
) {
  const scope = await newScope(testDb.db);
  const counts: RunCounts = { people: emptyCounts() };
  const sizes: number[] = [];
  let before = 0;
  async function* read(): AsyncIterable<ChangesPage<unknown>> {
    for (const [i, p] of people.entries()) yield { records: [p], nextCursor: i === people.length - 1 ? null : String(i + 1) };
  }
  await syncPeople({
    db: testDb.db,
    scope,
    pages: read(),
    map: mapPerson,
    counts,
    options: {
      ...bounds,
      onBatch: () => {
        sizes.push(counts.people!.read - before);
        before = counts.people!.read;
      },
    },
  });
  const stored = await testDb.db
    .selectFrom("employees")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("connection_id", "=", scope.connectionId)
    .executeTakeFirstOrThrow();
  return { sizes, stored: Number(stored.n), counts: counts.people };
}

describe("a stream's batches", () => {
  it("close once their encoded text reaches the limit, whatever the record count allows", async () => {
    // Tried: six wide people, a record bound of 100 and a text limit two of them reach.
    // Must hold: batches of two (the third person would pass the limit), every person stored once.
    const people = sixPeople(5000);
    const oneRow = copyFields(tableSpecs.employees.columns, unified(people[0]!)).length;
    const result = await batchesOf(people, { batchSize: 100, batchTextLimit: oneRow * 2 });
    expect(result.sizes).toEqual([2, 2, 2]);
    expect(result.stored).toBe(6);
    expect(result.counts).toMatchObject({ read: 6, created: 6, done: true });
  });

  it("close at the record count when the text is far under the limit", async () => {
    // Tried: six narrow people in batches of at most four records. Must hold: four, then two.
    const result = await batchesOf(sixPeople(10), { batchSize: 4 });
    expect(result.sizes).toEqual([4, 2]);
    expect(result.stored).toBe(6);
  });
});
