import { type ConnectorContext, ConnectorError, type HttpTarget, type Page } from "@roster/core";
import type { z } from "zod";
import type { ZenefitsCredentials } from "./manifest";
import { detailEnvelope, listEnvelope } from "./raw";

/** Reference §1: one host, `Authorization: Bearer <token>` on every call. */
export function http(credentials: ZenefitsCredentials): HttpTarget {
  return { baseUrl: credentials.baseUrl, headers: { Authorization: `Bearer ${credentials.accessToken}` } };
}

/** Reference §4: default 20, maximum 100. Fewer, larger pages spare the (unpublished) rate limit. */
export const PAGE_SIZE = 100;

export interface PaginateOptions {
  /** The token checkbox the endpoint needs, named in the error when Zenefits answers 403. */
  permissionLabel?: string;
}

/**
 * Reads a /core list page by page (reference §2, §4). The first request asks for
 * `limit=100`; after that the absolute `next_url` is followed verbatim (it carries
 * `starting_after` and `limit`), and it is also the cursor: resuming means requesting
 * it again. The HTTP client refuses a next_url on another origin, so the token never
 * leaves the configured host.
 */
export async function* paginate(
  ctx: ConnectorContext<ZenefitsCredentials>,
  path: string,
  cursor: string | null,
  options: PaginateOptions = {},
): AsyncGenerator<Page<unknown>> {
  const followed = new Set<string>();
  let next: string | null = cursor;
  do {
    const url: string | null = next;
    const body = await withPermissionHint(
      () => (url === null ? ctx.http.getJson(path, { limit: PAGE_SIZE }) : ctx.http.getJson(url)),
      options.permissionLabel,
    );
    const list = parseEnvelope(listEnvelope, body, url ?? path, "a list (data.data)").data;
    next = nextUrlOf(list.next_url);
    if (next !== null) {
      // A next_url seen before would page forever; better to stop loudly.
      if (followed.has(next)) {
        throw new ConnectorError(
          "provider_error",
          `Zenefits sent the same next_url twice (${pathOf(next)}); stopping to avoid a loop`,
        );
      }
      followed.add(next);
    }
    yield { records: list.data, nextCursor: next };
  } while (next !== null);
}

/** Reads one object (`/core/me`, `/core/companies/{id}`): there `data` is the object itself (reference §2). */
export async function getObject(
  ctx: ConnectorContext<ZenefitsCredentials>,
  path: string,
  options: PaginateOptions = {},
): Promise<unknown> {
  const body = await withPermissionHint(() => ctx.http.getJson(path), options.permissionLabel);
  return parseEnvelope(detailEnvelope, body, path, "an object (data)").data;
}

/** Real payloads use JSON null on the last page; Airbyte compares with the string "null", so accept that too. */
function nextUrlOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed && trimmed !== "null" ? trimmed : null;
}

function parseEnvelope<S extends z.ZodType>(schema: S, body: unknown, url: string, expected: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown shape";
  throw new ConnectorError(
    "provider_error",
    `Zenefits answered GET ${pathOf(url)} without the expected envelope holding ${expected} (${where})`,
  );
}

async function withPermissionHint<T>(call: () => Promise<T>, permissionLabel: string | undefined): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (permissionLabel && error instanceof ConnectorError && error.kind === "forbidden") {
      throw new ConnectorError("forbidden", error.message, {
        status: error.status,
        cause: error,
        hint: `Tick "${permissionLabel}" in the Zenefits token's permissions (Company Profile → Custom Integrations), then sync again.`,
      });
    }
    throw error;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url, "http://relative.invalid").pathname;
  } catch {
    return url;
  }
}
