import { describe, expect, it } from "vitest";
import { startBuilt } from "./helpers/processes";

const complete = {
  DATABASE_URL: "postgres://roster@127.0.0.1:1/roster",
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
  PUBLIC_URL: "https://roster.example",
  SMTP_URL: "smtp://127.0.0.1:1",
};

// The built `roster serve api|worker` is started (no SANDBOX) once per required variable, with
// that one left out. Each must exit 1 before touching the database, naming that variable and no
// other, and never printing a secret's value. The starts run side by side.
describe("roster serve without a required variable", () => {
  for (const role of ["api", "worker"] as const) {
    it(`serve ${role} refuses to start and names the missing variable`, async () => {
      const runs = Object.keys(complete).map(async (missing) => {
        const env: Record<string, string> = { ...complete };
        delete env[missing];
        const p = startBuilt(["serve", role], env);
        const { code } = await p.exited;
        const named = Object.keys(complete).filter((name) => p.output().includes(`${name}: it is not set`));
        return { missing, code, named, leaksKey: p.output().includes(complete.ENCRYPTION_KEY) };
      });
      for (const run of await Promise.all(runs)) {
        expect(run).toEqual({ missing: run.missing, code: 1, named: [run.missing], leaksKey: false });
      }
    });
  }
});
