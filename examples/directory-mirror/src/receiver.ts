import http from "node:http";
import type pg from "pg";
import { Webhook } from "standardwebhooks";
import type { RosterClient } from "./client";
import { applyEvent, type RosterEvent } from "./mirror";

/**
 * The webhook endpoint: verifies each delivery's Standard Webhooks signature with the secret
 * Roster showed once, applies it, and answers 2xx only once it is stored (anything else makes
 * Roster retry it later).
 */
export function createReceiver(options: {
  client: RosterClient;
  db: pg.Pool;
  secret: string;
  onError?: (error: unknown) => void;
}) {
  const verifier = new Webhook(options.secret);
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      let event: RosterEvent;
      try {
        event = verifier.verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>) as RosterEvent;
      } catch {
        res.writeHead(401).end("bad signature");
        return;
      }
      try {
        await applyEvent(options.client, options.db, event);
        res.writeHead(204).end();
      } catch (error) {
        options.onError?.(error);
        res.writeHead(503).end("try again");
      }
    });
  });
}
