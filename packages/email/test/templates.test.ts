import { describe, expect, it } from "vitest";
import {
  connectionDisabled,
  connectionRestored,
  connectLinkRequest,
  exportFailed,
  integrationSettingsUrl,
  invite,
  renderEmail,
  syncFailed,
  syncRunUrl,
} from "../src/index";

const failedAt = new Date("2026-11-23T17:05:00Z");
const runUrl = syncRunUrl("https://roster.example.com/", "conn-1", "run-9");

describe("email templates", () => {
  it("syncFailed says what failed in words, what to do, and links to the form that fixes it", () => {
    // Tried: a rejected token with an HTML-looking provider message and the connector's hint.
    // Must hold: the problem in words (never the code), the hint as "What to do", the button
    // to the rotate form, "View errors" as a second link, and the message escaped in HTML.
    const fixUrl = integrationSettingsUrl("https://roster.example.com/", "zenefits", "rotate");
    const email = syncFailed({
      connectionName: "Acme Zenefits",
      failedAt,
      errorLabel: "Token rejected",
      errorMessage: "401 <script>alert(1)</script>",
      hint: "Create a new token in Zenefits and paste it in Settings.",
      fix: { label: "Replace the token", url: fixUrl },
      runUrl,
      nextRetryAt: new Date("2026-11-23T18:05:00Z"),
      maxConsecutiveFailures: 3,
    });
    expect(runUrl).toBe("https://roster.example.com/connections/conn-1/runs/run-9");
    expect(fixUrl).toBe("https://roster.example.com/settings/integrations/zenefits#rotate");
    expect(email.subject).toBe("Sync failed: Acme Zenefits");
    expect(email.text).toContain("failed at 2026-11-23 17:05 UTC");
    expect(email.text).toContain("What to do: Create a new token in Zenefits and paste it in Settings.");
    expect(email.text).toContain("Problem: Token rejected");
    expect(email.text).not.toContain("invalid_credentials");
    expect(email.text).toContain(`Replace the token: ${fixUrl}`);
    expect(email.text).toContain(`View errors: ${runUrl}`);
    expect(email.html).toContain(`<a href="${fixUrl}"`);
    expect(email.html).toContain(">Replace the token</a>");
    expect(email.html).toContain(`<a href="${runUrl}">View errors</a>`);
    expect(email.html).toContain("What to do: Create a new token");
    expect(email.html).toContain("401 &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).not.toContain("<script>");
  });

  it("syncFailed without a fixing form keeps View errors as its button", () => {
    // Tried: an unreachable provider (nothing to fill in). Must hold: the button is View errors, no hint line when none.
    const email = syncFailed({
      connectionName: "Acme",
      failedAt,
      errorLabel: "Provider unreachable",
      errorMessage: "timeout",
      hint: null,
      fix: null,
      runUrl,
      nextRetryAt: failedAt,
      maxConsecutiveFailures: 3,
    });
    expect(email.text).toContain("Problem: Provider unreachable");
    expect(email.text).not.toContain("What to do:");
    expect(email.html).toContain(`<a href="${runUrl}" style=`);
  });

  it("connectionDisabled, connectionRestored, invite and exportFailed render subject, text and html", () => {
    const disabled = connectionDisabled({
      connectionName: "Acme",
      disabledAt: failedAt,
      consecutiveFailures: 3,
      errorLabel: "Token rejected",
      errorMessage: "rejected",
      hint: "Paste a fresh token in Settings.",
      runUrl,
      connectionUrl: "https://roster.example.com/connections/conn-1",
      settingsUrl: integrationSettingsUrl("https://roster.example.com", "zenefits", "rotate"),
    });
    expect(disabled.subject).toBe("Connection disabled: Acme");
    expect(disabled.text).toContain("after 3 failed syncs in a row");
    expect(disabled.text).toContain("What to do: Paste a fresh token in Settings. Then re-enable the connection in Settings.");
    expect(disabled.text).toContain(
      "Fix and re-enable in Settings: https://roster.example.com/settings/integrations/zenefits#rotate",
    );
    expect(disabled.text).toContain(`View errors: ${runUrl}`);
    expect(disabled.text).toContain("Last problem: Token rejected");

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

  it("connectLinkRequest says who asks, for which organisation and provider, until when, and that the token goes to no one", () => {
    // Tried: a request with a note holding HTML and a name with a newline, and one without a note.
    // Must hold: subject on one line naming the requester, provider and organisation; the facts;
    // the button to the link; the sentence that the token is never sent to anyone; the note quoted
    // and escaped in HTML; no note line when there is none.
    const request = {
      requesterName: "Ada\nOwner",
      requesterEmail: "ada@acme.test",
      organisationName: "Acme & Co",
      providerName: "Zenefits",
      url: "https://roster.example.com/connect/abc",
      expiresAt: failedAt,
      note: "Tick <b>every</b> permission",
    };
    const email = connectLinkRequest(request);
    expect(email.subject).toBe("Ada Owner asks you to connect Zenefits to Roster for Acme & Co");
    expect(email.text).toContain("Requested by: Ada\nOwner (ada@acme.test)");
    expect(email.text).toContain("Organisation: Acme & Co");
    expect(email.text).toContain("Provider: Zenefits");
    expect(email.text).toContain("Link expires: 2026-11-23 17:05 UTC");
    expect(email.text).toContain("Connect Zenefits: https://roster.example.com/connect/abc");
    expect(email.text).toContain("You never need to send the token or key to anyone");
    expect(email.text).toContain("Their note: “Tick <b>every</b> permission”");
    expect(email.html).toContain("Tick &lt;b&gt;every&lt;/b&gt; permission");
    expect(email.html).not.toContain("<b>every</b>");
    expect(connectLinkRequest({ ...request, note: null }).text).not.toContain("Their note");
  });

  it("keeps a subject on one line", () => {
    // Tried: a connection name containing a newline and a fake header. Must hold: the subject has no line break.
    const email = renderEmail("Sync failed: Evil\r\nBcc: x@evil.test", { intro: ["hi"] });
    expect(email.subject).toBe("Sync failed: Evil Bcc: x@evil.test");
  });
});
