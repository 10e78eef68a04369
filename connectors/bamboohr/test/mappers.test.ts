import { type Hire, modelSchemas } from "@roster/core";
import { describe, expect, it } from "vitest";
import { hireBody } from "../src/actions/hire-body";
import { idFromLocation } from "../src/actions/import-hire";
import { customFieldType, isCustomField, mapCustomField } from "../src/mappers/custom-field";
import { mapCustomFieldValue } from "../src/mappers/custom-field-value";
import { mapDepartment } from "../src/mappers/department";
import { mapEmployee } from "../src/mappers/employee";
import { mapEmployeeStatus } from "../src/mappers/employee-status";
import { mapEmployment } from "../src/mappers/employment";
import { employmentPeriods } from "../src/mappers/employment-periods";
import { dateOrNull, instantOrNull } from "../src/mappers/fields";
import { buildListIndex, findOption, optionsOf } from "../src/mappers/lists";
import { mapLocation } from "../src/mappers/location";
import { type RawMetaField, rawMetaField } from "../src/raw";
import { parseWebhookBody } from "../src/webhook/payload";
import { fixture } from "./fixtures";

const lists = buildListIndex(fixture<unknown[]>("meta-lists"));
const rows = fixture<Record<string, unknown>>("employee-rows");

function employee(name: string) {
  const mapped = mapEmployee({ row: rows[name], lists });
  if (!mapped.ok) throw new Error(mapped.reason);
  expect(modelSchemas.employees.parse(mapped.value)).toEqual(mapped.value);
  return mapped.value;
}

describe("dates and instants", () => {
  it.each([
    ["2024-02-29", "2024-02-29"],
    ["0000-00-00", null],
    ["", null],
    [null, null],
    [undefined, null],
    ["2024-05-01T12:34:56+00:00", "2024-05-01"],
    ["2023-02-29", undefined],
    ["01/02/2024", undefined],
  ] as const)("dateOrNull(%j) is %j", (input, expected) => {
    expect(dateOrNull(input)).toBe(expected);
  });

  it("lastChanged with +00:00, +0000 or a space reads as an instant; nonsense is null", () => {
    expect(instantOrNull("2024-05-01T12:34:56+00:00")).toBe("2024-05-01T12:34:56.000Z");
    expect(instantOrNull("2026-01-31T18:42:00+0000")).toBe("2026-01-31T18:42:00.000Z");
    expect(instantOrNull("2024-01-02 03:04:05Z")).toBe("2024-01-02T03:04:05.000Z");
    expect(instantOrNull("yesterday")).toBeNull();
  });
});

describe("lists", () => {
  it("indexes by alias (or name) and field id; nameless options are dropped", () => {
    expect(optionsOf(lists, "department").map((o) => o.id)).toEqual(["101", "102", "198", "199"]);
    expect(optionsOf(lists, "Job Title").map((o) => o.name)).toEqual(["Software Engineer"]);
    expect(lists.byFieldId["4001"]?.map((o) => o.name)).toEqual(["S", "M"]);
    expect(optionsOf(lists, "location")[1]).toEqual({ id: "406", name: "München", archived: false });
  });

  it("a name finds its option: exact first, then ignoring case and spaces; the current one over an archived twin", () => {
    const departments = optionsOf(lists, "department");
    expect(findOption(departments, "Engineering")?.id).toBe("101");
    expect(findOption(departments, " engineering ")?.id).toBe("101");
    expect(findOption(departments, "Research & Development")?.id).toBe("199");
    expect(findOption(departments, "Skunkworks")).toBeNull();
    expect(findOption(departments, null)).toBeNull();
  });
});

describe("employees", () => {
  it("a terminated employee: status terminated, dates, department and location by option id, manager by supervisorEId", () => {
    const value = employee("terminated");
    expect(value).toMatchObject({
      remoteId: "6",
      remoteUpdatedAt: "2025-03-14T09:26:53.000Z",
      displayName: "Zoë O'Brien",
      status: "terminated",
      remoteStatus: "Inactive · Terminated",
      employmentType: null,
      departmentRemoteId: "102",
      locationRemoteId: "401",
      // supervisorEId "4", never supervisorId "1" (the supervisor's employee number).
      managerRemoteId: "4",
      // Original hire date 0000-00-00: the hire date stands in.
      hireDate: "2019-05-01",
      startDate: "2019-05-01",
      terminationDate: "2025-03-14",
      personalPhone: "801-555-0199",
    });
    expect(value.remoteData).toBe(rows.terminated);
  });

  it("0000-00-00 dates, empty strings and blank text are null; a numeric id is a string", () => {
    expect(employee("zeroDatesAndBlanks")).toMatchObject({
      remoteId: "9",
      preferredName: null,
      displayName: "José Núñez",
      workEmail: null,
      workPhone: null,
      personalEmail: null,
      personalPhone: null,
      jobTitle: null,
      departmentRemoteId: null,
      locationRemoteId: null,
      managerRemoteId: null,
      hireDate: null,
      startDate: null,
      terminationDate: null,
      status: "active",
      employmentType: "Full-Time",
      // "2024-01-02 03:04:05" names no offset: not guessed.
      remoteUpdatedAt: null,
    });
  });

  it("a rehire: hire date is the original one, start date the latest hire; preferred name shown; names kept as written", () => {
    expect(employee("rehireWithUnicodeNames")).toMatchObject({
      firstName: "Renée",
      lastName: "García-López",
      displayName: "Nay García-López",
      workEmail: "Renee.Garcia@acme.example",
      hireDate: "2018-09-10",
      startDate: "2023-02-01",
      terminationDate: null,
      departmentRemoteId: "199",
      locationRemoteId: "406",
      managerRemoteId: "4",
      employmentType: "Part-Time",
    });
  });

  it("a row from a key that reads names only: everything else null (the stream declares those fields, so they are kept)", () => {
    expect(employee("restrictedKey")).toMatchObject({
      displayName: "伟 李",
      workEmail: null,
      personalEmail: null,
      jobTitle: null,
      departmentRemoteId: null,
      managerRemoteId: null,
      hireDate: null,
      terminationDate: null,
      status: "active",
      remoteStatus: "Active",
      employmentType: null,
    });
  });

  it("a date that is not a date fails the record with its id and the field, rather than guessing", () => {
    expect(mapEmployee({ row: rows.badDate, lists })).toEqual({
      ok: false,
      remoteId: "24",
      reason: 'Field "hireDate" is not a YYYY-MM-DD date: "01/02/2024"',
    });
    const noId = mapEmployee({ row: rows.noId, lists });
    expect(noId.ok).toBe(false);
    expect(!noId.ok && noId.reason).toMatch(/field "id"/);
    expect(mapEmployee({ row: "not a row", lists })).toMatchObject({ ok: false, remoteId: null });
  });

  it.each([
    ["Active", "Full-Time", "active"],
    ["Active", "Leave of Absence", "leave"],
    ["Inactive", "Terminated", "terminated"],
    ["Active", "Terminated", "terminated"],
    ["Inactive", "Full-Time", "inactive"],
    ["Inactive", null, "inactive"],
    [null, null, null],
  ] as const)("status %j with employment status %j is %j", (status, history, expected) => {
    expect(mapEmployeeStatus(status, history)).toBe(expected);
  });
});

describe("employments", () => {
  const periods = employmentPeriods(fixture<unknown[]>("employment-status-rows"));
  const mapped = Object.fromEntries(
    periods.map((period) => {
      const result = mapEmployment({ period, lists });
      if (!result.ok) throw new Error(result.reason);
      expect(modelSchemas.employments.parse(result.value)).toEqual(result.value);
      return [result.value.remoteId, result.value];
    }),
  );

  it("unsorted rows group into periods per employee, a rehire making two; a row without an id is dropped", () => {
    expect(Object.keys(mapped)).toEqual(["6:40", "7:50", "11:60", "12:70", "15:29", "15:31"]);
  });

  it("a rehire: the first stint ends with its termination, the second is open", () => {
    expect(mapped["15:29"]).toMatchObject({
      employeeRemoteId: "15",
      startDate: "2018-09-10",
      terminationDate: "2021-06-30",
      terminationType: "Voluntary",
      employmentType: "Full-Time",
      isActive: false,
    });
    expect(mapped["15:31"]).toMatchObject({
      startDate: "2023-02-01",
      terminationDate: null,
      isActive: true,
      employmentType: "Part-Time",
    });
  });

  it("the type is the last status before the end; an unknown termination type id is kept as BambooHR sent it", () => {
    expect(mapped["6:40"]).toMatchObject({ employmentType: "Part-Time", terminationType: "9", terminationDate: "2025-03-14" });
  });

  it("a termination with no hire before it, a termination dated ahead, a 0000-00-00 start", () => {
    expect(mapped["7:50"]).toMatchObject({
      startDate: null,
      terminationDate: "2022-02-02",
      terminationType: "Involuntary",
      employmentType: null,
    });
    expect(mapped["11:60"]).toMatchObject({ terminationDate: "2026-12-31", isActive: false });
    expect(mapped["12:70"]).toMatchObject({ startDate: null, isActive: true, employmentType: "Intern" });
  });
});

describe("departments, divisions and locations", () => {
  it("departments keep BambooHR's option ids; divisions get a prefix, so equal ids of the two lists never collide", () => {
    const department = mapDepartment({ list: "department", option: optionsOf(lists, "department")[0]! });
    const division = mapDepartment({ list: "division", option: optionsOf(lists, "division")[0]! });
    expect(department).toMatchObject({ ok: true, value: { remoteId: "101", name: "Engineering", parentRemoteId: null } });
    expect(division).toMatchObject({
      ok: true,
      value: { remoteId: "division:101", name: "North America", parentRemoteId: null },
    });
  });

  it("a location option has a name and no address (unknown, not guessed)", () => {
    expect(mapLocation(optionsOf(lists, "location")[1]!)).toMatchObject({
      ok: true,
      value: { remoteId: "406", name: "München", city: null, country: null },
    });
  });
});

describe("custom fields", () => {
  const fields = fixture<unknown[]>("meta-fields").map((f) => rawMetaField.parse(f));

  it("custom fields are those with no alias or a custom… alias, deprecated ones left out", () => {
    expect(fields.filter(isCustomField).map((f) => f.id)).toEqual(["4001", "4002", "4003", "4004", "4005", "4340.4"]);
  });

  it("types map to Roster's; list fields carry their options", () => {
    expect(["list", "textarea", "text", "date", "checkbox", "int", "currency", "signature"].map(customFieldType)).toEqual([
      "select",
      "text",
      "text",
      "date",
      "boolean",
      "number",
      "number",
      "other",
    ]);
    const shirt = mapCustomField({ field: fields[2] as RawMetaField, options: ["S", "M"] });
    expect(shirt).toMatchObject({
      ok: true,
      value: { remoteId: "4001", name: "Shirt size", type: "select", options: ["S", "M"] },
    });
    const github = mapCustomField({ field: fields[4] as RawMetaField, options: null });
    expect(github).toMatchObject({ ok: true, value: { remoteId: "4003", type: "text", options: null } });
  });

  it.each([
    ["checkbox", "Yes", true],
    ["checkbox", "No", false],
    ["checkbox", "maybe", "maybe"],
    ["int", "1,250", 1250],
    ["currency", "65000.00 USD", "65000.00 USD"],
    ["date", "2027-03-01", "2027-03-01"],
    ["text", "  octo cat ", "  octo cat "],
    ["list", "M", "M"],
  ] as const)("a %s value %j is %j", (fieldType, value, expected) => {
    const mapped = mapCustomFieldValue({ employeeId: "9", fieldId: "4001", fieldType, value });
    expect(mapped).toMatchObject({
      ok: true,
      value: { remoteId: "9:4001", employeeRemoteId: "9", customFieldRemoteId: "4001", value: expected },
    });
  });

  it('an empty value ("", null, 0000-00-00) is no record', () => {
    for (const value of ["", null, "0000-00-00", "   "]) {
      expect(mapCustomFieldValue({ employeeId: "9", fieldId: "4004", fieldType: "date", value }).ok).toBe(false);
    }
  });
});

describe("webhook payloads", () => {
  const payloads = fixture<Record<string, unknown>>("webhook-payloads");

  it("an event-based payload is one event re-reading its employee", () => {
    const [event] = parseWebhookBody(payloads.event);
    expect(event).toMatchObject({
      type: "employee.updated",
      remoteId: "67890",
      occurredAt: new Date("2026-01-31T18:42:00Z"),
      effect: { kind: "records_changed", stream: "employees", remoteIds: ["67890"] },
    });
    // The same body as text parses to the same id: a replay is recognisable.
    expect(parseWebhookBody(JSON.stringify(payloads.event))[0]!.id).toBe(event!.id);
  });

  it("a legacy payload batches employees: one event each, ids differing", () => {
    const events = parseWebhookBody(payloads.legacy);
    expect(events.map((e) => [e.type, e.remoteId])).toEqual([
      ["employee_with_fields.updated", "12345"],
      ["employee_with_fields.deleted", "12346"],
    ]);
    expect(events[0]!.id).not.toBe(events[1]!.id);
  });

  it("a form-encoded payload reads like the JSON one", () => {
    const [event] = parseWebhookBody(payloads.form);
    expect(event).toMatchObject({
      type: "employee.updated",
      remoteId: "67890",
      data: { changedFields: ["firstName", "customShirtSize"] },
    });
  });

  it("prototype keys in a form body are ignored", () => {
    const [event] = parseWebhookBody(payloads.hostileForm);
    expect(event?.remoteId).toBe("5");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("hire body", () => {
  const hire: Hire = {
    externalId: "o-1",
    source: "lever",
    stage: "hired",
    firstName: "Siobhán",
    lastName: "D'Angelo",
    email: "siobhan@example.org",
    phone: null,
    jobTitle: "software engineer",
    department: "Research & Development",
    workLocation: "Paris",
    manager: null,
    startDate: null,
    offerDate: null,
    salary: null,
    employmentType: null,
    interviewers: [],
    document: null,
  };

  it("list values as BambooHR spells the current option; unknown ones named; the candidate's email is the home email", () => {
    expect(hireBody(hire, lists)).toEqual({
      fields: {
        firstName: "Siobhán",
        lastName: "D'Angelo",
        homeEmail: "siobhan@example.org",
        jobTitle: "Software Engineer",
        department: "Research & Development",
      },
      leftOut: ['Location "Paris" (not an option of BambooHR\'s Location list)'],
    });
  });

  it("the new id comes from the Location header", () => {
    expect(idFromLocation("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/123")).toBe("123");
    expect(idFromLocation("/v1/employees/77/")).toBe("77");
    expect(idFromLocation(null)).toBeNull();
    expect(idFromLocation("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/")).toBeNull();
  });
});
