import { describe, expect, it } from "vitest";
import { assertDatabaseReachable, DatabaseUnavailableError, freePort } from "../src/index";

describe("assertDatabaseReachable", () => {
  it("fails fast with a clear message when nothing listens", async () => {
    // Tried: a port with no server. Must hold: a DatabaseUnavailableError that says so, quickly.
    const port = await freePort();
    const started = Date.now();
    const error = await assertDatabaseReachable(`postgres://u:secretpw@127.0.0.1:${port}/db`).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(/Nothing is listening at postgres:\/\/u:\*\*\*@127\.0\.0\.1/);
    expect(error.message).not.toContain("secretpw");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("names a malformed URL", async () => {
    const error = await assertDatabaseReachable("postgres://[broken").catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("names a database that does not exist", async () => {
    const admin = process.env.ROSTER_TEST_ADMIN_URL ?? "";
    const url = new URL(admin);
    url.pathname = "/roster_no_such_database";
    const error = await assertDatabaseReachable(url.toString()).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(/does not exist/);
  });
});
