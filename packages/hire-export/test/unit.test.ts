import type { RawOpportunity } from "@roster/connector-lever";
import { describe, expect, it } from "vitest";
import { alreadySentRefusal, buildHirePayload, canSeeHireTransfers, type LeverHireData } from "../src/index";

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
        employment_type: null,
        interviewers: [],
        resume: null,
        source: "lever",
        stage: "hired",
      },
    });
  });
});

describe("alreadySentRefusal: a candidate already sent", () => {
  const at = new Date("2026-11-03T10:00:00Z");
  it("sent as a hire: every trigger is refused, with the date", () => {
    for (const trigger of ["webhook", "reconcile", "manual"] as const) {
      expect(alreadySentRefusal({ transferId: "t", stage: "hired", succeededAt: at }, trigger)).toMatch(
        /^Already sent to Zenefits as a hire on 2026-11-03/,
      );
    }
  });

  it("sent at the offer step: the button is refused, the hire (webhook, periodic check) may still go", () => {
    const sent = { transferId: "t", stage: "offer", succeededAt: at } as const;
    expect(alreadySentRefusal(sent, "manual")).toMatch(/^Already sent to Zenefits at the offer step on 2026-11-03/);
    expect(alreadySentRefusal(sent, "webhook")).toBeNull();
    expect(alreadySentRefusal(sent, "reconcile")).toBeNull();
  });

  it("never sent: nothing to refuse", () => {
    expect(alreadySentRefusal(null, "manual")).toBeNull();
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
