import { encryptJson } from "@roster/secrets";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedImport, findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
let bamboo: BambooHrSim;

beforeAll(async () => {
  w = await startWorld({ opportunities: 40, seed: 7 });
  bamboo = await startBambooHrSim({ employees: 20, seed: 5 });
  // The organisation's BambooHR connection, stored as the connect flow stores it (encrypted, bound to the row).
  const row = await w.db
    .insertInto("connections")
    .values({
      organisation_id: w.organisationId,
      connector_id: "bamboohr",
      display_name: "BambooHR",
      credentials_encrypted: "pending",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const credentials = { companyDomain: bamboo.companyDomain, apiKey: bamboo.apiKey, baseUrl: bamboo.url };
  await w.db
    .updateTable("connections")
    .set({ credentials_encrypted: encryptJson(credentials, w.encryptionKey, row.id) })
    .where("id", "=", row.id)
    .execute();
  // "Send hires to": the BambooHR connection instead of the Zenefits import channel.
  const lever = await w.db
    .selectFrom("connections")
    .select("settings")
    .where("id", "=", w.connectionId)
    .executeTakeFirstOrThrow();
  await w.db
    .updateTable("connections")
    .set({ settings: JSON.stringify({ ...(lever.settings as object), exportTo: row.id }) })
    .where("id", "=", w.connectionId)
    .execute();
});
afterAll(async () => {
  await bamboo?.close();
  await w?.close();
});

/** The BambooHR list option a value names (its own spelling), or null when the list has none: such values are not sent. */
function listOption(field: string, value: string | null): string | null {
  const list = bamboo.truth().lists.find((l) => l.alias === field);
  if (!list || value === null) return null;
  return list.options.find((o) => !o.archived && o.name.toLowerCase() === value.toLowerCase())?.name ?? null;
}

describe("hire in Lever → webhook → job → BambooHR employee (the target chosen in the Lever settings)", () => {
  it("creates the employee in BambooHR with the hire's exact fields, and nothing in Zenefits", async () => {
    // Tried: hire a candidate in Lever with the Lever connection's export target set to the
    // organisation's BambooHR connection; the webhook queues the job; the worker runs it.
    // Must hold: exactly one new BambooHR employee holding the hire's name, personal email,
    // phone and start date, and the job title, department and location where BambooHR's lists
    // have them (spelled as BambooHR does), from the start date; the transfer succeeded with BambooHR's employee id;
    // the Zenefits import list holds nothing for the candidate.
    const opportunityId = findCandidates(w.lever, { email: true, twoWordName: true })[0]!;
    const before = bamboo.truth().employees.map((e) => e.id);
    await w.lever.hire(opportunityId);
    await w.runJobs();

    const expected = await expectedImport(w.lever, opportunityId);
    const created = bamboo.truth().employees.filter((e) => !before.includes(e.id));
    expect(created).toHaveLength(1);
    const employee = created[0]!;
    expect(employee).toMatchObject({
      firstName: expected.first_name,
      lastName: expected.last_name,
      homeEmail: expected.email,
      workEmail: null,
      mobilePhone: expected.phone,
      hireDate: expected.start_date,
    });
    // Job title, department and location start on the start date: BambooHR keeps them as a
    // job-information row dated then (current values only from that day on).
    const option = (field: string, value: string | number | boolean | null) =>
      listOption(field, value === null ? null : String(value));
    const jobRows = bamboo.truth().tables.jobInfo!.filter((r) => String(r.employeeId) === employee.id);
    expect(jobRows).toEqual([
      expect.objectContaining({
        date: expected.start_date,
        jobTitle: option("jobTitle", expected.job_title),
        department: option("department", expected.department),
        location: option("location", expected.work_location),
        reportsTo: null,
      }),
    ]);
    // The seed's department names are shared by both simulators: at least one list value is really carried over.
    expect(jobRows[0]!.department).not.toBeNull();

    const [transfer] = await w.transfers(opportunityId);
    expect(transfer).toMatchObject({
      status: "succeeded",
      attempts: 1,
      stage: "hired",
      hris_record_id: employee.id,
      hris_connector_id: "bamboohr",
    });
    expect(w.imported(opportunityId)).toEqual([]);
  });
});
