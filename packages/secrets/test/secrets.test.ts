import { describe, expect, it } from "vitest";
import { decryptJson, decryptSecret, encryptJson, encryptSecret, generateEncryptionKey, secretHint } from "../src/index";

const key = generateEncryptionKey();

describe("secrets", () => {
  it("round-trips and never contains the plaintext", () => {
    const envelope = encryptSecret("zen-token-PLAINTEXT", key, "conn-1");
    expect(envelope).not.toContain("PLAINTEXT");
    expect(decryptSecret(envelope, key, "conn-1")).toBe("zen-token-PLAINTEXT");
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key)); // fresh nonce each time
    expect(decryptJson(encryptJson({ accessToken: "t" }, key), key)).toEqual({ accessToken: "t" });
  });

  it("refuses a wrong key, another row's associated data, and a tampered value", () => {
    // Tried: decrypting with another key, with another connection id, and after flipping a byte.
    // Must hold: each throws a SecretDecryptionError rather than returning garbage.
    const envelope = encryptSecret("secret", key, "conn-1");
    expect(() => decryptSecret(envelope, generateEncryptionKey(), "conn-1")).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret(envelope, key, "conn-2")).toThrow(/cannot be decrypted/);
    const parts = envelope.split(".");
    const body = parts[3] ?? "";
    const flipped = body.startsWith("A") ? "B" : "A";
    const tampered = [...parts.slice(0, 3), `${flipped}${body.slice(1)}`].join(".");
    expect(() => decryptSecret(tampered, key, "conn-1")).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("garbage", key)).toThrow(/unknown format/);
  });

  it("hints at most the last four characters", () => {
    expect(secretHint("abcdefghijkl")).toBe("••••ijkl");
    expect(secretHint("short")).toBe("••••");
  });
});
