import { describe, expect, it } from "vitest";
import { assertProductionEnvironment, ConfigError, loadConfig, signupPolicy } from "../src/index";

const complete = {
  DATABASE_URL: "postgres://roster@db:5432/roster",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  PUBLIC_URL: "https://roster.example",
  SMTP_URL: "smtp://mail:25",
};

// Each required variable is left out in turn (unset, then empty): the error must name it and only it.
describe("assertProductionEnvironment", () => {
  it.each(Object.keys(complete))("names %s when it is missing or empty", (name) => {
    for (const value of [undefined, ""]) {
      const env: Record<string, string | undefined> = { ...complete, [name]: value };
      let error: unknown;
      try {
        assertProductionEnvironment(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(`${name}: it is not set`);
      for (const other of Object.keys(complete).filter((n) => n !== name)) expect(message).not.toContain(other);
    }
  });

  it("passes with all four set", () => {
    expect(() => assertProductionEnvironment(complete)).not.toThrow();
  });
});

// SIGNUP's default depends on SANDBOX; an explicit value wins either way.
describe("signupPolicy", () => {
  it("is invite-only outside sandbox and open in sandbox unless set", () => {
    expect(signupPolicy(loadConfig({}))).toBe("invite-only");
    expect(signupPolicy(loadConfig({ SANDBOX: "true" }))).toBe("open");
    expect(signupPolicy(loadConfig({ SIGNUP: "open" }))).toBe("open");
    expect(signupPolicy(loadConfig({ SANDBOX: "true", SIGNUP: "invite-only" }))).toBe("invite-only");
    expect(() => loadConfig({ SIGNUP: "anyone" })).toThrow(/SIGNUP/);
  });
});
