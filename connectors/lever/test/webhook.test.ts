import { signLever } from "@roster/sim-lever";
import { describe, expect, it } from "vitest";
import { createLeverWebhookHandler, leverWebhook, signLeverWebhook } from "../src/index";

const KEY = "signing-token-0123456789";
const NOW = new Date("2026-11-23T12:00:00Z");

function delivery(overrides: Record<string, unknown> = {}, key = KEY) {
  const token = "be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154";
  const triggeredAt = NOW.getTime() - 1_000;
  const base = {
    triggeredAt,
    event: "candidateHired",
    data: { opportunityId: "opp-1", candidateId: "opp-1", contactId: "contact-1" },
    signature: signLeverWebhook(token, triggeredAt, key),
    token,
  };
  return { ...base, ...overrides };
}

const verify = (body: unknown, now = NOW, handler = leverWebhook) =>
  handler.verify({ body: typeof body === "string" ? body : JSON.stringify(body), headers: {}, secret: KEY, now });

describe("Lever webhook signature and freshness", () => {
  it("signs exactly as the reference (and the simulator) does: hex HMAC-SHA256 of token + triggeredAt", () => {
    // Tried: the same token and timestamp through both implementations. Must hold: equal hex digests.
    expect(signLeverWebhook("abc", 1431454330072, KEY)).toBe(signLever("abc", 1431454330072, KEY));
    expect(signLeverWebhook("abc", 1431454330072, KEY)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a fresh, correctly signed delivery", () => {
    expect(verify(delivery())).toEqual({ ok: true });
  });

  it("refuses a forged, unsigned, re-timed or malformed delivery with a reason", () => {
    // Tried: wrong key; no signature; triggeredAt changed after signing; not JSON. Must hold:
    // each is refused and says why.
    expect(verify(delivery({}, "another-signing-token"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature/),
    });
    expect(verify(delivery({ signature: undefined }))).toMatchObject({ ok: false, reason: expect.stringMatching(/unsigned/) });
    expect(verify(delivery({ triggeredAt: NOW.getTime() }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature/),
    });
    expect(verify("{not json")).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Lever webhook/) });
  });

  it("refuses deliveries older than the window or too far in the future; the window is a parameter", () => {
    // Tried: a validly signed delivery checked 6 minutes later, and one stamped 2 minutes ahead.
    // Must hold: both refused with the default window; a 10-minute window accepts the old one.
    const later = new Date(NOW.getTime() + 6 * 60_000);
    expect(verify(delivery(), later)).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    const ahead = NOW.getTime() + 2 * 60_000;
    const future = delivery({ triggeredAt: ahead, signature: signLeverWebhook(delivery().token, ahead, KEY) });
    expect(verify(future)).toMatchObject({ ok: false, reason: expect.stringMatching(/future/) });
    const patient = createLeverWebhookHandler({ maxAgeMs: 10 * 60_000 });
    expect(verify(delivery(), later, patient)).toEqual({ ok: true });
  });

  it("parses a delivery into one event identified by its token, a hire to export; the verify ping yields none", () => {
    const [event] = leverWebhook.parse(JSON.stringify(delivery()));
    expect(event).toEqual({
      id: delivery().token,
      type: "candidateHired",
      remoteId: "opp-1",
      occurredAt: new Date(NOW.getTime() - 1_000),
      data: { opportunityId: "opp-1", candidateId: "opp-1", contactId: "contact-1" },
      effect: { kind: "candidate_hired", candidateId: "opp-1" },
    });
    expect(leverWebhook.secret({ apiKey: "k", webhookSigningToken: "signing-token" })).toBe("signing-token");
    expect(leverWebhook.secret({ apiKey: "k" })).toBeNull();
    expect(leverWebhook.parse(delivery({ data: {} }))).toEqual([]);
    expect(leverWebhook.parse("garbage")).toEqual([]);
  });
});
