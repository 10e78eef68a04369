import { type ConnectorContext, ConnectorError, type HttpTarget, type Page } from "@roster/core";
import type { z } from "zod";
import type { LeverCredentials } from "./manifest";
import { listEnvelope, objectEnvelope } from "./raw";

/** Reference §1: HTTP Basic with the API key as username and an empty password. */
export function http(credentials: LeverCredentials): HttpTarget {
  const basic = Buffer.from(`${credentials.apiKey}:`).toString("base64");
  return { baseUrl: credentials.baseUrl, headers: { Authorization: `Basic ${basic}` } };
}

/** Reference §2 Pagination: limit 1–100, default 100. Fewer, larger pages spare the 10/s budget. */
export const PAGE_SIZE = 100;

export type Query = Record<string, string | number | boolean | undefined>;
type Ctx = ConnectorContext<LeverCredentials>;

/**
 * Reads a Lever list page by page (reference §2): `{data, next, hasNext}`; `next` is an
 * opaque offset token and doubles as the resume cursor. `path` may carry repeated query
 * parameters (Lever's multi-valued filters), which `query` cannot express.
 */
export async function* paginate(
  ctx: Ctx,
  path: string,
  query: Query = {},
  cursor: string | null = null,
): AsyncGenerator<Page<unknown>> {
  const seen = new Set<string>();
  let offset = cursor;
  for (;;) {
    const body = await ctx.http.getJson(path, { limit: PAGE_SIZE, ...query, offset: offset ?? undefined });
    const page = parse(listEnvelope, body, path, "a list ({data, hasNext})");
    const next = page.hasNext && page.next ? page.next : null;
    if (next !== null) {
      // A token seen before would page forever; better to stop loudly.
      if (seen.has(next)) throw new ConnectorError("provider_error", `Lever sent the same next token twice for ${path}`);
      seen.add(next);
    }
    yield { records: page.data, nextCursor: next };
    if (next === null) return;
    offset = next;
  }
}

/** Every record of a (small) list, parsed one by one with `schema`; unparseable records are dropped. */
export async function listAll<S extends z.ZodType>(ctx: Ctx, path: string, schema: S, query: Query = {}): Promise<z.infer<S>[]> {
  const out: z.infer<S>[] = [];
  for await (const page of paginate(ctx, path, query)) {
    for (const record of page.records) {
      const parsed = schema.safeParse(record);
      if (parsed.success) out.push(parsed.data);
      else ctx.log.warn({ path, issue: parsed.error.issues[0]?.message }, "skipping a Lever record of unexpected shape");
    }
  }
  return out;
}

/** One object (`{data: {...}}`), parsed with `schema`. */
export async function getOne<S extends z.ZodType>(ctx: Ctx, path: string, schema: S, query: Query = {}): Promise<z.infer<S>> {
  const body = parse(objectEnvelope, await ctx.http.getJson(path, query), path, "an object ({data})");
  return parse(schema, body.data, path, "the documented fields");
}

function parse<S extends z.ZodType>(schema: S, body: unknown, path: string, expected: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown shape";
  throw new ConnectorError("provider_error", `Lever answered GET ${path} without ${expected} (${where})`);
}

/** `path` with repeated query parameters (e.g. archive_reason_id=a&archive_reason_id=b). */
export function withRepeated(path: string, name: string, values: readonly string[]): string {
  const params = new URLSearchParams();
  for (const value of values) params.append(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const encode = encodeURIComponent;
