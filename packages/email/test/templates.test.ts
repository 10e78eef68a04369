import { describe, expect, it } from "vitest";
import { connectionDisabled, connectionRestored, exportFailed, invite, renderEmail, syncFailed, syncRunUrl } from "../src/index";

const failedAt = new Date("2026-11-23T17:05:00Z");
const runUrl = syncRunUrl("https://roster.example.com/", "conn-1", "run-9");

describe("email templates", () => {
  it("syncFailed says what failed, when, and links to the run's errors", () => {
    // Tried: a failure with an HTML-looking provider message. Must hold: the text body is
    // readable with the View errors link, and the HTML body escapes the message.
    const email = syncFailed({
      connectionName: "Acme Zenefits",
      failedAt,
      errorKind: "invalid_credentials",
      errorMessage: "401 <script>alert(1)</script>",
      runUrl,
      nextRetryAt: new Date("2026-11-23T18:05:00Z"),
      maxConsecutiveFailures: 3,
    });
    expect(runUrl).toBe("https://roster.example.com/connections/conn-1/runs/run-9");
    expect(email.subject).toBe("Sync failed: Acme Zenefits");
    expect(email.text).toContain("failed at 2026-11-23 17:05 UTC");
    expect(email.text).toContain(`View errors: ${runUrl}`);
    expect(email.text).toContain("Error: invalid_credentials");
    expect(email.html).toContain(`<a href="${runUrl}"`);
    expect(email.html).toContain(">View errors</a>");
    expect(email.html).toContain("401 &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).not.toContain("<script>");
  });

  it("connectionDisabled, connectionRestored, invite and exportFailed render subject, text and html", () => {
    const disabled = connectionDisabled({
      connectionName: "Acme",
      disabledAt: failedAt,
      consecutiveFailures: 3,
      errorKind: "unreachable",
      errorMessage: "timeout",
      runUrl,
      connectionUrl: "https://roster.example.com/connections/conn-1",
    });
    expect(disabled.subject).toBe("Connection disabled: Acme");
    expect(disabled.text).toContain("after 3 failed syncs in a row");
    expect(disabled.text).toContain("an owner can re-enable");

    const restored = connectionRestored({
      connectionName: "Acme",
      restoredAt: failedAt,
      connectionUrl: "https://r/connections/c",
    });
    expect(restored.subject).toBe("Connection restored: Acme");
    expect(restored.text).toContain("View connection: https://r/connections/c");

    const invitation = invite({
      organisationName: "Acme & Co",
      inviterName: "Ada",
      role: "admin",
      acceptUrl: "https://r/invites/tok",
      expiresAt: failedAt,
    });
    expect(invitation.subject).toBe("You're invited to Acme & Co on Roster");
    expect(invitation.html).toContain("Acme &amp; Co");
    expect(invitation.text).toContain("Ada invited you to join Acme & Co on Roster as admin.");

    const exported = exportFailed({ candidateName: "Grace Hopper", reason: "missing start date", url: "https://r/exports/1" });
    expect(exported.subject).toBe("Export failed: Grace Hopper");
    expect(exported.text).toContain("Reason: missing start date");
    expect(exported.text).toContain("View export: https://r/exports/1");
  });

  it("keeps a subject on one line", () => {
    // Tried: a connection name containing a newline and a fake header. Must hold: the subject has no line break.
    const email = renderEmail("Sync failed: Evil\r\nBcc: x@evil.test", { intro: ["hi"] });
    expect(email.subject).toBe("Sync failed: Evil Bcc: x@evil.test");
  });
});
