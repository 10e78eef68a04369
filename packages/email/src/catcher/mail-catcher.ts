import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { type HttpView, startHttpView } from "./http-view";

/** One message as the catcher received it. */
export interface CaughtEmail {
  id: number;
  from: string;
  /** Every envelope recipient (To, Cc and Bcc alike). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  receivedAt: Date;
}

export interface MailCatcherOptions {
  /** SMTP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Also serve `GET /messages` as JSON on this port (0 picks a free one). */
  httpPort?: number;
}

export interface MailCatcher {
  smtpPort: number;
  /** `smtp://host:port`: what SMTP_URL should be to send here. */
  smtpUrl: string;
  httpPort: number | null;
  messages(): CaughtEmail[];
  /** Resolves with the first message (already received or future) matching the predicate. */
  waitFor(predicate: (message: CaughtEmail) => boolean, timeoutMs?: number): Promise<CaughtEmail>;
  /** Calls the listener for each new message; returns an unsubscribe function. */
  onMessage(listener: (message: CaughtEmail) => void): () => void;
  clear(): void;
  stop(): Promise<void>;
}

const addressesOf = (value: { address: string } | false | undefined) => (value ? [value.address] : []);

/**
 * A local SMTP server that keeps every message in memory: the sandbox's inbox and the
 * tests' real SMTP peer. No auth, no TLS: it only listens on the loopback by default.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const received: CaughtEmail[] = [];
  const listeners = new Set<(message: CaughtEmail) => void>();
  let nextId = 1;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    // Stop promptly: tests stop and restart the catcher to simulate an outage.
    closeTimeout: 500,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const message: CaughtEmail = {
            id: nextId++,
            from: addressesOf(session.envelope.mailFrom)[0] ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? null,
            receivedAt: new Date(),
          };
          received.push(message);
          for (const listener of listeners) listener(message);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const smtpPort = (server.server.address() as AddressInfo).port;
  // Errors on single client sockets must not crash the process.
  server.on("error", () => {});

  const catcher: MailCatcher = {
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpPort: null,
    messages: () => [...received],
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          const seen = received.map((m) => `"${m.subject}" to ${m.to.join(", ")}`).join("; ") || "none";
          reject(new Error(`No matching email within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        const unsubscribe = catcher.onMessage((message) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(message);
        });
      });
    },
    clear: () => {
      received.length = 0;
    },
    async stop() {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), httpView?.stop()]);
    },
  };

  let httpView: HttpView | undefined;
  if (options.httpPort !== undefined) {
    try {
      httpView = await startHttpView(catcher, options.httpPort, host);
    } catch (error) {
      // Do not leave the SMTP side listening when the catcher as a whole failed to start.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
    catcher.httpPort = httpView.port;
  }
  return catcher;
}
