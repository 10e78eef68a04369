import type { RawOpportunity } from "@roster/connector-lever";
import { describe, expect, it } from "vitest";
import { annualSalary, buildHirePayload, canSeeHireTransfers, type LeverHireData } from "../src/index";

const opportunity = (name: string | null, emails: string[]): RawOpportunity => ({
  id: "opp-1",
  name,
  emails,
  phones: [],
  applications: null,
  opportunityLocation: null,
  contact: null,
  stage: null,
  archived: null,
  owner: null,
  confidentiality: null,
  createdAt: null,
  updatedAt: null,
});

const data = (name: string | null, emails: string[]): LeverHireData => ({
  opportunity: opportunity(name, emails),
  hired: true,
  stage: null,
  inOfferStage: false,
  posting: null,
  offer: null,
  manager: null,
  document: null,
  interviews: [],
  feedback: [],
  users: {},
});

describe("buildHirePayload", () => {
  it("names every missing required field instead of throwing", () => {
    // Tried: no email; a one-word name; no name and no email; an address that is not one.
    expect(buildHirePayload(data("Ada Lovelace", []))).toEqual({ ok: false, missing: ["email"] });
    expect(buildHirePayload(data("王芳", ["w@x.example"]))).toEqual({ ok: false, missing: ["last_name"] });
    expect(buildHirePayload(data(null, []))).toEqual({ ok: false, missing: ["first_name", "last_name", "email"] });
    expect(buildHirePayload(data("Ada Lovelace", ["not an email"]))).toEqual({ ok: false, missing: ["email"] });
  });

  it("builds the minimum payload with nulls for what Lever does not hold", () => {
    const built = buildHirePayload(data("Ada King Lovelace", ["ada@x.example"]));
    expect(built).toEqual({
      ok: true,
      payload: {
        external_id: "opp-1",
        first_name: "Ada King",
        last_name: "Lovelace",
        email: "ada@x.example",
        phone: null,
        job_title: null,
        department: null,
        work_location: null,
        manager: null,
        start_date: null,
        offer_date: null,
        salary: null,
        interviewers: [],
        resume: null,
        source: "lever",
        stage: "hired",
      },
    });
  });
});

describe("annualSalary: Roster's rule for a full-time year", () => {
  it.each([
    [131900, "USD", "per-year-salary", 131900],
    [25, "USD", "per-hour-wage", 52000],
    [8000, "EUR", "per-month-salary", 96000],
    [2000, "GBP", "per-week-salary", 104000],
    [400, "CAD", "per-day-wage", 104000],
    ["95,000", "usd", null, 95000],
  ])("%s %s %s → %s a year", (amount, currency, interval, annual) => {
    expect(annualSalary(amount, currency, interval)).toEqual({
      amount: annual,
      currency: String(currency).toUpperCase(),
      interval: "year",
    });
  });

  it("gives no salary rather than a wrong one", () => {
    expect(annualSalary(100, "USD", "per-fortnight-bonus")).toBeNull();
    expect(annualSalary(100, null, "per-year-salary")).toBeNull();
    expect(annualSalary("lots", "USD", "per-year-salary")).toBeNull();
  });
});

describe("canSeeHireTransfers", () => {
  it.each([
    ["owner", false, true],
    ["owner", true, true],
    ["admin", false, true],
    ["admin", true, true],
    ["member", false, false],
    ["member", true, true],
  ] as const)("%s, sensitive %s → %s", (role, sensitive, allowed) => {
    expect(canSeeHireTransfers({ role, sensitive })).toBe(allowed);
  });
});
