import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransport, isPermanentSmtpError, type MailCatcher, type Mailer, startMailCatcher } from "../src/index";

let catcher: MailCatcher;
let mailer: Mailer;
beforeAll(async () => {
  catcher = await startMailCatcher({ port: 0, httpPort: 0 });
  mailer = createTransport(catcher.smtpUrl);
});
afterAll(async () => {
  mailer.close();
  await catcher.stop();
});

describe("mail catcher + nodemailer over real SMTP", () => {
  it("receives a message with every recipient, subject, text and html, and serves it over HTTP", async () => {
    // Tried: nodemailer sending to the catcher over TCP. Must hold: the catcher keeps the
    // parsed message, waitFor finds it, and GET /messages returns it as JSON.
    const sent = await mailer.send({
      from: "Roster <roster@localhost>",
      to: ["a@acme.test", "b@acme.test"],
      subject: "Hello",
      text: "plain body",
      html: "<p>html body</p>",
      messageId: "<fixed-id@roster>",
    });
    expect(sent.accepted).toEqual(["a@acme.test", "b@acme.test"]);
    const message = await catcher.waitFor((m) => m.subject === "Hello", 5_000);
    expect(message.to).toEqual(["a@acme.test", "b@acme.test"]);
    expect(message.from).toBe("roster@localhost");
    expect(message.text.trim()).toBe("plain body");
    expect(message.html).toContain("<p>html body</p>");
    expect(message.messageId).toBe("<fixed-id@roster>");

    const response = await fetch(`http://127.0.0.1:${catcher.httpPort}/messages`);
    expect(response.status).toBe(200);
    const listed = (await response.json()) as Array<{ subject: string; to: string[] }>;
    expect(listed.map((m) => m.subject)).toContain("Hello");
  });

  it("waitFor resolves for a later message and rejects after its timeout", async () => {
    const later = catcher.waitFor((m) => m.subject === "Later", 5_000);
    await mailer.send({ from: "r@localhost", to: ["c@acme.test"], subject: "Later", text: "x", html: "<p>x</p>" });
    expect((await later).to).toEqual(["c@acme.test"]);
    await expect(catcher.waitFor((m) => m.subject === "Never", 100)).rejects.toThrow(/No matching email within 100 ms/);
  });

  it("a stopped catcher refuses delivery and a restarted one on the same port accepts it", async () => {
    // Tried: stop the catcher, send, start a new one on the same port, send again.
    // Must hold: the first send rejects (a temporary error, not a permanent 5xx), the second arrives.
    const own = await startMailCatcher({ port: 0 });
    const port = own.smtpPort;
    const ownMailer = createTransport(own.smtpUrl);
    await own.stop();
    const error = await ownMailer
      .send({ from: "r@localhost", to: ["d@acme.test"], subject: "Down", text: "x", html: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isPermanentSmtpError(error)).toBe(false);
    const again = await startMailCatcher({ port });
    try {
      await ownMailer.send({ from: "r@localhost", to: ["d@acme.test"], subject: "Up", text: "x", html: "x" });
      expect((await again.waitFor((m) => m.subject === "Up", 5_000)).to).toEqual(["d@acme.test"]);
    } finally {
      ownMailer.close();
      await again.stop();
    }
  });
});
