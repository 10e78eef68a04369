import { sql } from "@roster/db";
import { enqueueEmail, sendEmailJobKey, startMailCatcher } from "@roster/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";

let h: Harness;
let organisationId: string;
beforeAll(async () => {
  h = await startHarness();
  organisationId = await createOrganisation(h.db);
});
afterAll(async () => {
  await h?.close();
});

async function sendJobs(outboxId: string) {
  const { rows } = await sql<{ id: string; attempts: number; run_at: Date; last_error: string | null }>`
    select id, attempts, run_at, last_error from graphile_worker.jobs where key = ${sendEmailJobKey(outboxId)}`.execute(h.db);
  return rows;
}

const outboxRow = (id: string) => h.db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("SMTP down", () => {
  it("keeps the email pending while SMTP is down and delivers it exactly once when it is back", async () => {
    // Tried: stop the SMTP catcher, enqueue an email, run the worker; sweep the outbox while
    // the job waits out its backoff; start a catcher on the same port and let the job run;
    // then sweep and run again.
    const port = h.catcher.smtpPort;
    await h.catcher.stop();
    const queued = await h.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        organisationId,
        kind: "invite",
        to: ["new.hire@acme.test"],
        subject: "You're invited to Acme on Roster",
        text: "text",
        html: "<p>html</p>",
        dedupeKey: "invite:smtp-down",
      }),
    );
    expect(queued?.jobAdded).toBe(true);
    const id = queued!.id;

    // Must hold: delivery failed, the row is still pending with attempts 1 and the error,
    // and graphile keeps one job, retrying later with backoff.
    await h.runJobs();
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, sent_at: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    let jobs = await sendJobs(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.attempts).toBe(1);
    expect(jobs[0]!.run_at.getTime()).toBeGreaterThan(Date.now());

    // The sweep must not add a second job nor cut the backoff short.
    await h.db
      .updateTable("email_outbox")
      .set({ created_at: new Date(Date.now() - 5 * 60_000) })
      .where("id", "=", id)
      .execute();
    await h.queue("sweep_outbox");
    await h.runJobs();
    jobs = await sendJobs(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.attempts).toBe(1);

    // SMTP is back on the same port; the retry comes due (moved to now instead of waiting).
    h.catcher = await startMailCatcher({ port });
    await sql`update graphile_worker._private_jobs set run_at = now() where key = ${sendEmailJobKey(id)}`.execute(h.db);
    await h.runJobs();
    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(sent.sent_at).not.toBeNull();
    expect(h.catcher.messages().map((m) => m.subject)).toEqual(["You're invited to Acme on Roster"]);
    expect(h.catcher.messages()[0]!.messageId).toBe(`<${id}@roster>`);
    expect(await sendJobs(id)).toHaveLength(0);

    // Must hold: nothing doubles: a re-sweep, a stray duplicate job and the same dedupe key again.
    await h.queue("sweep_outbox");
    await h.queue("send_email", { outboxId: id });
    await h.runJobs();
    expect(
      await enqueueEmail(h.db, {
        organisationId,
        kind: "invite",
        to: ["new.hire@acme.test"],
        subject: "again",
        text: "t",
        html: "h",
        dedupeKey: "invite:smtp-down",
      }),
    ).toBeNull();
    await h.runJobs();
    expect(h.catcher.messages()).toHaveLength(1);
  });

  it("the sweep delivers a pending row whose job was lost", async () => {
    // Tried: an outbox row older than a minute with no job (written before the worker installed
    // its queue, or its job deleted). Must hold: sweep_outbox queues it and it is delivered once.
    const row = await h.db
      .insertInto("email_outbox")
      .values({
        organisation_id: organisationId,
        kind: "export_failed",
        to: ["hr@acme.test"],
        subject: "Export failed: Grace Hopper",
        text_body: "t",
        html_body: "<p>h</p>",
        created_at: new Date(Date.now() - 2 * 60_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fresh = await h.db
      .insertInto("email_outbox")
      .values({
        organisation_id: organisationId,
        kind: "invite",
        to: ["later@acme.test"],
        subject: "Too new",
        text_body: "t",
        html_body: "h",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await h.queue("sweep_outbox");
    await h.runJobs();
    expect((await outboxRow(row.id)).status).toBe("sent");
    expect(h.catcher.messages().filter((m) => m.subject === "Export failed: Grace Hopper")).toHaveLength(1);
    // Rows younger than a minute are left to their own job.
    expect((await outboxRow(fresh.id)).status).toBe("pending");
  });
});
