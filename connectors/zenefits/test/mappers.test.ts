import { type Mapped, modelSchemas } from "@roster/core";
import { describe, expect, it } from "vitest";
import { mapCompany } from "../src/mappers/company";
import { mapCustomField } from "../src/mappers/custom-field";
import { mapCustomFieldValue } from "../src/mappers/custom-field-value";
import { mapDepartment } from "../src/mappers/department";
import { mapEmployment } from "../src/mappers/employment";
import { mapLocation } from "../src/mappers/location";
import { mapPerson } from "../src/mappers/person";
import { fixture } from "./fixtures";

type Row = Record<string, unknown>;

function expectOk<T>(result: Mapped<T>): T {
  if (!result.ok) throw new Error(`expected a mapped record, got failure for ${result.remoteId}: ${result.reason}`);
  return result.value;
}

describe("person mapper", () => {
  it("maps every field Zenefits provides for a full person (reference §6 example)", () => {
    const raw = fixture("person-full");
    const employee = expectOk(mapPerson(raw));
    expect(employee).toEqual({
      remoteId: "9386674",
      remoteData: raw,
      remoteUpdatedAt: null,
      firstName: "Nathan",
      lastName: "Ash",
      preferredName: "Nate",
      displayName: "Nate Ash",
      workEmail: "nathan.ash@acme.example",
      personalEmail: "nate.ash@mail.example",
      workPhone: "(713) 555-1234",
      personalPhone: "(650) 555-4321",
      status: "active",
      remoteStatus: "active",
      employmentType: "regular",
      jobTitle: "Account Executive",
      departmentRemoteId: "219736",
      locationRemoteId: "367177",
      managerRemoteId: "9386671",
      hireDate: null,
      startDate: null,
      terminationDate: null,
    });
    expect(modelSchemas.employees.parse(employee)).toEqual(employee);
  });

  it("maps refs with url null (top of the org chart, no department or location) to null ids", () => {
    const employee = expectOk(mapPerson(fixture("person-null-refs")));
    expect(employee).toMatchObject({
      departmentRemoteId: null,
      locationRemoteId: null,
      managerRemoteId: null,
      displayName: "Olivia Smith",
    });
  });

  it("maps an admin-only account (status null, type admin) to an unknown status, keeping the raw status and type", () => {
    const employee = expectOk(mapPerson(fixture("person-admin-only")));
    expect(employee).toMatchObject({
      status: null,
      remoteStatus: null,
      employmentType: "admin",
      jobTitle: null,
      displayName: "Zenefits Admin",
    });
  });

  it("keeps unicode and apostrophes in names verbatim; a blank preferred name is no preferred name", () => {
    const employee = expectOk(mapPerson(fixture("person-unicode")));
    expect(employee).toMatchObject({
      firstName: "Zoë",
      lastName: "O'Brien-Núñez",
      preferredName: null,
      displayName: "Zoë O'Brien-Núñez",
      personalEmail: "Zoë.O'Brien@Mail.Example",
      workPhone: "+49 89 1234567",
      departmentRemoteId: "219740",
      status: "leave",
      remoteStatus: "leave_of_absence",
    });
  });

  it("maps missing emails, phones and refs to null", () => {
    const employee = expectOk(mapPerson(fixture("person-missing-emails")));
    expect(employee).toMatchObject({
      workEmail: null,
      personalEmail: null,
      workPhone: null,
      personalPhone: null,
      departmentRemoteId: null,
      managerRemoteId: null,
      displayName: "Wei Chen",
    });
  });

  it("treats a field that is missing exactly like one that is null (ungranted sub-scopes may be either)", () => {
    const nulled = fixture("person-full");
    const omitted = fixture("person-full");
    for (const field of ["status", "work_email", "personal_email", "work_phone"]) {
      nulled[field] = null;
      delete omitted[field];
    }
    for (const ref of ["department", "location", "manager"]) {
      nulled[ref] = { url: null, object: "/meta/ref/detail", ref_object: "/core/x" };
      delete omitted[ref];
    }
    const { remoteData: _a, ...fromNulls } = expectOk(mapPerson(nulled));
    const { remoteData: _b, ...fromMissing } = expectOk(mapPerson(omitted));
    expect(fromMissing).toEqual(fromNulls);
    expect(fromNulls).toMatchObject({ status: null, workEmail: null, managerRemoteId: null });
  });

  it.each([
    ["active", "active"],
    ["leave_of_absence", "leave"],
    ["requested", "pending"],
    ["setup", "pending"],
    ["terminated", "terminated"],
    ["deleted", "inactive"],
    [null, null],
    ["on_sabbatical", "inactive"],
  ])("normalises status %j to %s and keeps the raw word", (status, expected) => {
    const raw = { ...fixture("person-full"), status };
    expect(expectOk(mapPerson(raw))).toMatchObject({ status: expected, remoteStatus: status });
  });

  it.each([
    ["no names at all", { first_name: null, last_name: "", preferred_name: null, work_email: null }, "Person 9386674"],
    ["no names, a work email", { first_name: null, last_name: null, preferred_name: " " }, "nathan.ash@acme.example"],
    ["only a preferred name", { first_name: null, last_name: null, preferred_name: "Nate" }, "Nate"],
    ["names with stray spaces", { first_name: "  Nathan ", last_name: " Ash ", preferred_name: null }, "Nathan Ash"],
  ])("derives the display name with %s", (_case, names, expected) => {
    expect(expectOk(mapPerson({ ...fixture("person-full"), ...names })).displayName).toBe(expected);
  });

  it("falls back to the remote id for a person without names or email", () => {
    expect(expectOk(mapPerson(fixture("person-nameless")))).toMatchObject({ displayName: "Person 9386702", status: "pending" });
  });

  it("reports a person whose first_name is an object as a mapping error naming the field and the record", () => {
    const result = mapPerson(fixture("person-unexpected-shape"));
    expect(result).toMatchObject({ ok: false, remoteId: "9386703" });
    expect(!result.ok && result.reason).toMatch(/first_name/);
  });

  it.each([
    ["a string", "not a person", null],
    ["an array", [1, 2], null],
    ["a record without id", { first_name: "Nobody" }, null],
  ])("reports %s where a person belongs as a mapping error", (_case, raw, remoteId) => {
    expect(mapPerson(raw)).toMatchObject({ ok: false, remoteId });
  });

  it("reports an object-valued ref url as a mapping error naming the ref", () => {
    const raw = { ...fixture("person-full"), manager: { url: { id: 1 } } };
    const result = mapPerson(raw);
    expect(result).toMatchObject({ ok: false, remoteId: "9386674" });
    expect(!result.ok && result.reason).toMatch(/manager\.url/);
  });
});

describe("organisation mappers", () => {
  const org = fixture<{ company: Row; department: Row; location: Row }>("organisation");

  it("maps a company with its legal name", () => {
    expect(expectOk(mapCompany(org.company))).toEqual({
      remoteId: "216397",
      remoteData: org.company,
      remoteUpdatedAt: null,
      name: "Acme Robotics",
      legalName: "Acme Robotics, Inc.",
    });
  });

  it("maps a department; Zenefits departments have no parent", () => {
    const department = expectOk(mapDepartment(org.department));
    expect(department).toMatchObject({ remoteId: "219736", name: "Sales", parentRemoteId: null });
    expect(modelSchemas.departments.parse(department)).toEqual(department);
  });

  it("maps a location, zip to postalCode", () => {
    const location = expectOk(mapLocation(org.location));
    expect(location).toMatchObject({
      remoteId: "367177",
      name: "Houston HQ",
      street1: "1 Main St",
      street2: null,
      city: "Houston",
      state: "TX",
      postalCode: "77002",
      country: "US",
      phone: "(713) 555-0000",
    });
    expect(modelSchemas.locations.parse(location)).toEqual(location);
  });

  it.each([
    ["department", mapDepartment, { id: "1", name: "  " }],
    ["location", mapLocation, { id: "1" }],
    ["company", mapCompany, { id: "1", name: null, legal_name: null }],
  ])("reports a nameless %s as a mapping error naming the field", (_what, map, raw) => {
    const result = (map as (raw: unknown) => Mapped<unknown>)(raw);
    expect(result).toMatchObject({ ok: false, remoteId: "1" });
    expect(!result.ok && result.reason).toMatch(/name/);
  });
});

describe("employment mapper", () => {
  const rows = fixture<Row[]>("employments");

  it.each([
    [
      0,
      {
        employeeRemoteId: "9386674",
        startDate: "2019-03-04",
        terminationDate: null,
        employmentType: "full_time",
        isActive: true,
      },
    ],
    [1, { employeeRemoteId: "9386674", terminationDate: "2017-12-31", terminationType: "regretted", isActive: false }],
    [2, { employeeRemoteId: "9386690", employmentType: "contract", isActive: true }],
    [3, { employeeRemoteId: "9386701", startDate: "2026-12-01", employmentType: null, isActive: null }],
  ])("maps employment #%i (is_active as boolean or string)", (index, expected) => {
    const employment = expectOk(mapEmployment(rows[index]));
    expect(employment).toMatchObject(expected);
    expect(modelSchemas.employments.parse(employment)).toEqual(employment);
  });

  it.each([
    ["true", true],
    ["False", false],
    [" ", null],
    ["maybe", null],
  ])("reads is_active %j as %j", (isActive, expected) => {
    expect(expectOk(mapEmployment({ ...rows[0], is_active: isActive })).isActive).toBe(expected);
  });

  it("cuts a timestamp hire_date to its date", () => {
    expect(expectOk(mapEmployment({ ...rows[0], hire_date: "2019-03-04T00:00:00Z" })).startDate).toBe("2019-03-04");
  });

  it.each([
    ["hire_date", { hire_date: "03/04/2019" }],
    ["termination_date", { termination_date: "2019-02-30" }],
    ["person.url", { person: { url: null } }],
    ["is_active", { is_active: { value: true } }],
  ])("reports an employment with a bad %s as a mapping error naming it", (field, patch) => {
    const result = mapEmployment({ ...rows[0], ...patch });
    expect(result).toMatchObject({ ok: false, remoteId: "1102233" });
    expect(!result.ok && result.reason).toContain(field);
  });
});

describe("custom field mappers", () => {
  const fields = fixture<Row[]>("custom-fields");
  const values = fixture<Row[]>("custom-field-values");

  it.each([
    ["5512", "text", null],
    ["5513", "number", null],
    ["5514", "date", null],
    ["5515", "boolean", null],
    ["5516", "select", ["None", "Vegan", "Halal"]],
    ["5517", "select", null],
    ["5518", "other", null],
    ["5519", "other", null],
  ])("maps custom field %s to type %s with options %j", (id, type, options) => {
    const field = expectOk(mapCustomField(fields.find((row) => row.id === id)));
    expect(field).toMatchObject({ remoteId: id, type, options });
    expect(modelSchemas.customFields.parse(field)).toEqual(field);
  });

  it.each([
    ["778899", { employeeRemoteId: "9386674", customFieldRemoteId: "5512", value: "L" }],
    ["778900", { employeeRemoteId: "9386674", customFieldRemoteId: "5515", value: true }],
    ["778901", { employeeRemoteId: "9386690", customFieldRemoteId: "5513", value: null }],
  ])("maps custom field value %s with its person and field ids", (id, expected) => {
    const value = expectOk(mapCustomFieldValue(values.find((row) => row.id === id)));
    expect(value).toMatchObject(expected);
    expect(modelSchemas.customFieldValues.parse(value)).toEqual(value);
  });

  it("reports a value that names no person as a mapping error naming person.url", () => {
    const result = mapCustomFieldValue(values.find((row) => row.id === "778902"));
    expect(result).toMatchObject({ ok: false, remoteId: "778902" });
    expect(!result.ok && result.reason).toContain("person.url");
  });

  it("reports an object value as a mapping error naming the value field", () => {
    const result = mapCustomFieldValue({ ...values[0], value: { unexpected: true } });
    expect(result).toMatchObject({ ok: false, remoteId: "778899" });
    expect(!result.ok && result.reason).toMatch(/"value"/);
  });
});
