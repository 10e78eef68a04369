import { describe, expect, it } from "vitest";
import { credentialFingerprint, type ProviderKey, sharedRateLimiter } from "../src/index";

const key = (overrides: Partial<ProviderKey> = {}): ProviderKey => ({
  connectorId: "lever",
  baseUrl: "https://api.lever.co/v1",
  headers: { Authorization: `Basic ${btoa("lever-key-aaaa-1111:")}` },
  ...overrides,
});

describe("one rate budget per provider key", () => {
  it("hands every user of the same key the same bucket, and another key, host or connector its own", () => {
    // Tried: ask for the limiter of one key twice (as a sync and an export would), then with
    // another secret, another host and another connector. Must hold: the same object for the
    // same key whatever the path after the host; a different one for each of the others.
    const first = sharedRateLimiter(key(), { perSecond: 10, burst: 20 });
    expect(sharedRateLimiter(key({ baseUrl: "https://api.lever.co/v1/" }), { perSecond: 10, burst: 20 })).toBe(first);
    expect(
      sharedRateLimiter(key({ headers: { Authorization: `Basic ${btoa("lever-key-bbbb-2222:")}` } }), {
        perSecond: 10,
        burst: 20,
      }),
    ).not.toBe(first);
    expect(sharedRateLimiter(key({ baseUrl: "https://api.sandbox.lever.co/v1" }), { perSecond: 10, burst: 20 })).not.toBe(first);
    expect(sharedRateLimiter(key({ connectorId: "zenefits" }), { perSecond: 10, burst: 20 })).not.toBe(first);
  });

  it("keeps the strictest rate any user of the key was told", () => {
    // Tried: one user of a key asks for 10/s bursts of 20, a second for 2/s bursts of 3, a third
    // for 50/s. Must hold: all share one bucket running at 2/s with bursts of 3.
    const shared = key({ headers: { Authorization: "Bearer strictest-key-3333" } });
    const limiter = sharedRateLimiter(shared, { perSecond: 10, burst: 20 });
    sharedRateLimiter(shared, { perSecond: 2, burst: 3 });
    expect(sharedRateLimiter(shared, { perSecond: 50, burst: 100 })).toBe(limiter);
    expect(limiter.rate).toEqual({ perSecond: 2, burst: 3 });
  });

  it("knows a key by a fingerprint that does not contain the secret", () => {
    // Tried: fingerprint a key. Must hold: stable for the same key, different for another
    // secret, and the secret appears nowhere in it.
    const fingerprint = credentialFingerprint(key());
    expect(credentialFingerprint(key())).toBe(fingerprint);
    expect(credentialFingerprint(key({ headers: { Authorization: `Basic ${btoa("lever-key-bbbb-2222:")}` } }))).not.toBe(
      fingerprint,
    );
    expect(fingerprint).not.toContain("lever-key-aaaa-1111");
    expect(fingerprint).not.toContain(btoa("lever-key-aaaa-1111:"));
    // The header's name is not case-sensitive, so neither is the key.
    expect(credentialFingerprint(key({ headers: { authorization: `Basic ${btoa("lever-key-aaaa-1111:")}` } }))).toBe(fingerprint);
  });
});
