import { sql } from "@roster/db";
import { expect } from "vitest";
import { allSecrets } from "../harness";
import { defineCheck } from "./check";

export const secretsCheck = defineCheck({
  id: "no-secrets",
  title: "no secret credential appears in any log line or in any stored run, error or change",
  async run(h) {
    const secrets = allSecrets(h);
    expect(secrets.length, "the suite used credentials with secrets").toBeGreaterThan(0);
    expect(h.logLines.length, "the connector and engine logged something to search").toBeGreaterThan(0);
    const { rows } = await sql<{ text: string }>`
      select coalesce((select string_agg(row_to_json(r)::text, ' ') from sync_runs r), '')
        || coalesce((select string_agg(row_to_json(e)::text, ' ') from sync_errors e), '')
        || coalesce((select string_agg(row_to_json(c)::text, ' ') from change_log c), '')
        || coalesce((select string_agg(row_to_json(k)::text, ' ') from connections k), '') as text`.execute(h.testDb.db);
    const stored = rows[0]?.text ?? "";
    for (const secret of secrets) {
      const line = h.logLines.find((l) => l.includes(secret));
      expect(line, "a log line contains a secret").toBeUndefined();
      expect(stored.includes(secret), "the database holds a secret in plaintext").toBe(false);
    }
  },
});
