import { type ConnectorContext, ConnectorError, type HttpRequest, type HttpTarget } from "@roster/core";
import type { z } from "zod";
import type { BambooHrCredentials } from "./manifest";

/**
 * Reference §1.1–§1.3: every call goes to `{host}/api/gateway.php/{companyDomain}/v1/…` with the
 * key as the Basic username and any password (`x`, as the clients do), always asking for JSON
 * (XML is the default of the classic endpoints). Header names are lower-case so they replace the
 * core client's defaults rather than sit beside them.
 */
export function http(credentials: BambooHrCredentials): HttpTarget {
  const host = credentials.baseUrl.replace(/\/+$/, "");
  const basic = Buffer.from(`${credentials.apiKey}:x`).toString("base64");
  return {
    baseUrl: `${host}/api/gateway.php/${encodeURIComponent(credentials.companyDomain)}/`,
    headers: { authorization: `Basic ${basic}`, accept: "application/json" },
  };
}

export type BambooHrContext = ConnectorContext<BambooHrCredentials>;

export const API_KEY_HINT =
  "Create an API key in BambooHR (click your name, top right → API Keys → Add New Key) as a user who may see the fields Roster reads, and paste it in Settings.";

export interface CallOptions {
  /** The permission the call needs, in BambooHR's words, named in the hint of a 403. */
  permissionLabel?: string;
}

/**
 * One request through the core client (retries, rate limit, typed errors), with BambooHR's
 * wording on the errors a person must act on: a rejected key says where keys are made.
 */
export async function request<T = unknown>(
  ctx: BambooHrContext,
  req: HttpRequest,
  options: CallOptions = {},
): Promise<{ data: T; headers: Headers; status: number }> {
  try {
    return await ctx.http.request<T>(req);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.kind === "invalid_credentials") {
      throw new ConnectorError(
        "invalid_credentials",
        `BambooHR rejected the API key for ${ctx.credentials.companyDomain}: it was revoked or mistyped, or its user was disabled (${error.message})`,
        { status: error.status, cause: error, hint: API_KEY_HINT },
      );
    }
    if (error.kind === "forbidden") {
      const what = options.permissionLabel ? `"${options.permissionLabel}"` : "access to this data";
      throw new ConnectorError("forbidden", error.message, {
        status: error.status,
        cause: error,
        hint: `Give the API key's user ${what} in BambooHR (Settings → Access Levels), then sync again.`,
      });
    }
    throw error;
  }
}

/** GET a JSON answer and check its envelope; a wrong shape is a provider_error naming the path. */
export async function getChecked<S extends z.ZodType>(
  ctx: BambooHrContext,
  path: string,
  schema: S,
  query?: HttpRequest["query"],
  options?: CallOptions,
): Promise<z.infer<S>> {
  const { data } = await request(ctx, { url: path, query }, options);
  return checkEnvelope(schema, data, `GET ${path}`);
}

export function checkEnvelope<S extends z.ZodType>(schema: S, body: unknown, label: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown shape";
  throw new ConnectorError("provider_error", `BambooHR answered ${label} with an unexpected shape (${where})`);
}

/** Splits `items` into runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
