import { describe, expect, it } from "vitest";
import { buildHire, type LeverHireData, MISSING_WORDS, type RawOpportunity } from "../src/index";

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

describe("buildHire", () => {
  it("names every missing required field instead of throwing", () => {
    // Tried: no email; a one-word name; no name and no email; an address that is not one.
    expect(buildHire(data("Ada Lovelace", []))).toEqual({ ok: false, missing: [MISSING_WORDS.email] });
    expect(buildHire(data("王芳", ["w@x.example"]))).toEqual({ ok: false, missing: [MISSING_WORDS.lastName] });
    expect(buildHire(data(null, []))).toEqual({
      ok: false,
      missing: [MISSING_WORDS.firstName, MISSING_WORDS.lastName, MISSING_WORDS.email],
    });
    expect(buildHire(data("Ada Lovelace", ["not an email"]))).toEqual({ ok: false, missing: [MISSING_WORDS.email] });
  });

  it("builds the minimum payload with nulls for what Lever does not hold", () => {
    const built = buildHire(data("Ada King Lovelace", ["ada@x.example"]));
    expect(built).toEqual({
      ok: true,
      hire: {
        externalId: "opp-1",
        firstName: "Ada King",
        lastName: "Lovelace",
        email: "ada@x.example",
        phone: null,
        jobTitle: null,
        department: null,
        workLocation: null,
        manager: null,
        startDate: null,
        offerDate: null,
        salary: null,
        employmentType: null,
        interviewers: [],
        document: null,
        source: "lever",
        stage: "hired",
      },
      summary: {
        lever: {
          offer_id: null,
          offer_status: null,
          salary_amount: null,
          salary_currency: null,
          salary_interval: null,
          manager_source: null,
        },
      },
    });
  });
});
