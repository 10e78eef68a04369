import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadConnectorBaseUrls } from "../src/index";

describe("loadConfig", () => {
  it("applies defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3001);
    expect(config.SYNC_INTERVAL_HOURS).toBe(24);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SANDBOX).toBe(false);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what it expects when a value is bad", () => {
    // Tried: a MySQL URL and a non-numeric port. Must hold: one error naming both variables.
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: "mysql://x", API_PORT: "abc" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("DATABASE_URL: expected a postgres:// or postgresql:// URL");
    // URLs may carry passwords: the message names the variable but never echoes its value.
    expect(message).not.toContain("mysql://x");
    expect(message).toContain("API_PORT: expected");
    expect(message).toContain('got "abc"');
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    const short = Buffer.alloc(16, 9).toString("base64");
    expect(() => loadConfig({ ENCRYPTION_KEY: short })).toThrow(/ENCRYPTION_KEY/);
    expect(() => loadConfig({ ENCRYPTION_KEY: short })).not.toThrow(short);
    const good = Buffer.alloc(32, 7).toString("base64");
    expect(loadConfig({ ENCRYPTION_KEY: good }).ENCRYPTION_KEY).toBe(good);
  });
});

describe("loadConnectorBaseUrls", () => {
  it("reads <CONNECTOR>_BASE_URL for any connector, by connector id", () => {
    // Tried: two providers' variables, one with a dash in its id, beside unrelated ones.
    // Must hold: each maps to its connector id; other variables and empty values are ignored.
    expect(
      loadConnectorBaseUrls({
        ZENEFITS_BASE_URL: "https://api.eu.zenefits.example",
        ACME_HR_BASE_URL: "http://127.0.0.1:4100",
        LEVER_BASE_URL: "",
        API_PUBLIC_URL: "https://roster.example",
        PATH: "/usr/bin",
      }),
    ).toEqual({ zenefits: "https://api.eu.zenefits.example", "acme-hr": "http://127.0.0.1:4100" });
  });

  it("refuses a value that is not an http(s) URL, naming the variable without echoing the value", () => {
    expect(() => loadConnectorBaseUrls({ LEVER_BASE_URL: "ftp://user:secret@lever.example" })).toThrow(
      /LEVER_BASE_URL: expected an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadConnectorBaseUrls({ LEVER_BASE_URL: "ftp://user:secret@lever.example" })).not.toThrow(/secret/);
  });
});
