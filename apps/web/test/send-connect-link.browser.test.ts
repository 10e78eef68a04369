import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * An owner asks whoever holds the Zenefits admin rights to connect it: the form in Settings →
 * Integrations → Zenefits, the list of sent links with Revoke, the email the worker delivers, and
 * the recipient connecting on the page the link opens, without a Roster account.
 */
const stack = stackForFile({ zenefits: { people: 20, seed: 9 }, worker: true });

const [owner] = DEMO_USERS;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const linkIn = (text: string) => /https?:\/\/\S+\/connect\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];

describe("sending a connect link from the dashboard", () => {
  it("the owner sends a link, revokes a mistaken one, and the recipient connects with the other", async () => {
    // Tried: the owner sends a link to the wrong address and revokes it from the list, then sends
    // one to the right address with a note; the recipient opens the emailed link in a browser with
    // no session, verifies the simulator's token and connects; the revoked link is opened too.
    // Must hold: each send is confirmed and listed as waiting with its expiry; the revoked one says
    // Revoked and its page refuses; the email names the owner and says the token goes to no one; the
    // page says who asked, then that it is done (no redirect); the owner's page then shows the
    // connection and the sent link as Connected.
    await seedDemo(stack().db);
    const ownerPage = await stack().newPage();
    await signIn(ownerPage, owner!.email, DEMO_PASSWORD);
    await ownerPage.goto("/settings/integrations/zenefits");
    await heading(ownerPage, "Zenefits").waitFor();
    const card = ownerPage.getByRole("region", { name: "Ask someone else to connect Zenefits" });

    await card.getByLabel("Their email").fill("wrong-person@vendor.test");
    await card.getByRole("button", { name: "Send connect link" }).click();
    await card.getByRole("status").filter({ hasText: "Link sent to wrong-person@vendor.test" }).waitFor();
    const sent = ownerPage.getByRole("region", { name: "Sent connect links" });
    const wrongRow = sent.getByRole("listitem").filter({ hasText: "wrong-person@vendor.test" });
    await wrongRow.getByText("Waiting").waitFor();
    await wrongRow.getByText(/expires/).waitFor();
    await wrongRow.getByRole("button", { name: "Revoke the link sent to wrong-person@vendor.test" }).click();
    await wrongRow.getByText("Revoked").waitFor();
    expect(await wrongRow.getByRole("button").count()).toBe(0);

    await card.getByLabel("Their email").fill("not an email");
    await card.getByRole("button", { name: "Send connect link" }).click();
    await card.getByText("Enter a valid email address, like name@company.com").waitFor();
    await card.getByLabel("Their email").fill("zen-admin@vendor.test");
    await card.getByLabel("Note (optional)").fill("Tick every permission, please.");
    await card.getByRole("button", { name: "Send connect link" }).click();
    await card.getByRole("status").filter({ hasText: "Link sent to zen-admin@vendor.test" }).waitFor();
    await sent.getByRole("listitem").filter({ hasText: "zen-admin@vendor.test" }).getByText("Waiting").waitFor();
    await screenshot(ownerPage, "send-connect-link-sent");

    const mail = stack().worker!.mail;
    const email = await mail.waitFor((m) => m.to.includes("zen-admin@vendor.test"), 30_000);
    expect(email.subject).toContain("asks you to connect Zenefits to Roster");
    expect(email.text).toContain(`Requested by: ${owner!.name} (${owner!.email})`);
    expect(email.text).toContain("Their note: “Tick every permission, please.”");
    expect(email.text).toContain("You never need to send the token or key to anyone");
    const link = linkIn(email.text);
    expect(link?.startsWith(stack().webUrl)).toBe(true);
    const revoked = linkIn((await mail.waitFor((m) => m.to.includes("wrong-person@vendor.test"), 30_000)).text);

    const recipient = await stack().newPage();
    await recipient.goto(revoked!);
    await recipient.getByText("This connect link was revoked. Ask for a new one.").waitFor();
    await recipient.goto(link!);
    await heading(recipient, "Connect Zenefits").waitFor();
    await recipient.getByText(`${owner!.name} asked you to do this for`).waitFor();
    await recipient.getByLabel("Access token").fill(stack().zenefits!.defaultToken);
    await recipient.getByRole("button", { name: "Verify" }).click();
    await recipient
      .getByRole("region", { name: "Permissions" })
      .getByText(/permissions granted/)
      .waitFor();
    await recipient.getByRole("button", { name: "Connect", exact: true }).click();
    await heading(recipient, "Zenefits connected").waitFor();
    await recipient
      .getByRole("status")
      .getByText(/You can close this page/)
      .waitFor();
    expect(new URL(recipient.url()).pathname).toBe(new URL(link!).pathname);
    await screenshot(recipient, "send-connect-link-connected");

    await ownerPage.reload();
    await ownerPage.getByRole("link", { name: "Sync history and emails" }).waitFor();
    expect(await ownerPage.getByRole("region", { name: "Ask someone else to connect Zenefits" }).count()).toBe(0);
    const rows = await stack()
      .db.selectFrom("connect_links")
      .select(["sent_to", "revoked_at", "connection_id"])
      .orderBy("created_at")
      .execute();
    expect(rows.map((r) => [r.sent_to, r.revoked_at !== null, r.connection_id !== null])).toEqual([
      ["wrong-person@vendor.test", true, false],
      ["zen-admin@vendor.test", false, true],
    ]);
  });
});
