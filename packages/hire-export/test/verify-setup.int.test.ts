import { createLogger } from "@roster/logger";
import { startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyHireSetup } from "../src/index";

let lever: Awaited<ReturnType<typeof startLeverSim>>;
let zenefits: Awaited<ReturnType<typeof startZenefitsSim>>;
let good: Record<string, string>;
const log = createLogger("verify-test", { level: "silent" });
const http = { retry: { maxAttempts: 2, baseDelayMs: 1 } };

beforeAll(async () => {
  lever = await startLeverSim({ opportunities: 10, rateLimit: false });
  zenefits = await startZenefitsSim({ people: 10 });
  good = {
    apiKey: lever.apiKey,
    webhookSigningToken: lever.webhookSignatureToken,
    baseUrl: `${lever.url}/v1`,
    zenefitsCompanyId: zenefits.companyId,
    zenefitsClientSecret: zenefits.clientSecret(),
    zenefitsBaseUrl: zenefits.url,
  };
});
afterAll(async () => {
  await lever?.close();
  await zenefits?.close();
});

// The Lever settings page's Verify: the Lever key and the Zenefits import channel, entered together.
const verify = async (credentials: unknown) => {
  const check = await verifyHireSetup({
    source: { connectorId: "lever", credentials },
    target: { connectorId: "zenefits", credentials },
    log,
    http,
  });
  return { lever: check.source, zenefits: check.target };
};

describe("verifyHireSetup, Lever → Zenefits: a real request to both sides, naming the one that fails", () => {
  it("both sides accept good credentials", async () => {
    expect(await verify(good)).toEqual({ lever: { ok: true }, zenefits: { ok: true } });
  });

  it("a wrong Lever key fails the Lever side only", async () => {
    const result = await verify({ ...good, apiKey: "wrong-lever-api-key" });
    expect(result.zenefits).toEqual({ ok: true });
    expect(result.lever.ok).toBe(false);
    expect(result.lever.error).toMatch(/Lever answered 401/);
  });

  it("a Lever key without the offers permission is named", async () => {
    const scopes = [
      "opportunities",
      "stages",
      "archive_reasons",
      "postings",
      "users",
      "resumes",
      "files",
      "interviews",
      "feedback",
    ];
    const apiKey = lever.createApiKey({ scopes: scopes.map((s) => `${s}:read:admin`) });
    const result = await verify({ ...good, apiKey });
    expect(result.lever).toMatchObject({ ok: false, error: expect.stringContaining("Offers (read)") });
    expect(result.zenefits.ok).toBe(true);
  });

  it("a wrong Zenefits client secret or company fails the Zenefits side only", async () => {
    const secret = await verify({ ...good, zenefitsClientSecret: "not-the-client-secret" });
    expect(secret.lever).toEqual({ ok: true });
    expect(secret.zenefits).toMatchObject({ ok: false, error: expect.stringMatching(/Company ID and Client Secret/) });
    const company = await verify({ ...good, zenefitsCompanyId: "999999" });
    expect(company.zenefits.ok).toBe(false);
  });

  it("missing fields are reported on their side without a request; no signing token is a warning", async () => {
    const { zenefitsCompanyId: _, ...withoutCompany } = good;
    expect(await verify(withoutCompany)).toMatchObject({
      lever: { ok: true },
      zenefits: { ok: false, error: expect.stringContaining("zenefitsCompanyId") },
    });
    const { webhookSigningToken: __, ...unsigned } = good;
    expect((await verify(unsigned)).lever).toMatchObject({ ok: true, warning: expect.stringMatching(/signing token/) });
  });

  it("an unreachable Zenefits is reported as such", async () => {
    const result = await verify({ ...good, zenefitsBaseUrl: "http://127.0.0.1:9" });
    expect(result.lever.ok).toBe(true);
    expect(result.zenefits).toMatchObject({ ok: false, error: expect.stringMatching(/failed|could not be reached/i) });
  });
});
