import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";

/** What a caller's (or proxy's) id may look like to be kept: short, and safe in a log line. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is a plausible one (a proxy in front
 * usually sets it), else a new UUID. The API sends it back, logs it, and a sync it queues
 * carries it into the job, the sync's log lines and the run.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && ACCEPTED.test(given) ? given : randomUUID();
}
