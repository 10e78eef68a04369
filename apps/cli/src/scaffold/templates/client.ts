import type { ConnectorNames } from "../names";

export function clientTs(n: ConnectorNames): string {
  return `import { type ConnectorContext, ConnectorError, type HttpTarget, type Page } from "@roster/core";
import type { ${n.pascal}Credentials } from "./manifest";
import { pageRaw } from "./raw";

const PROVIDER = "${n.title}";

/** Where requests go and how they authenticate. TODO: the provider's auth scheme. */
export function http(credentials: ${n.pascal}Credentials): HttpTarget {
  return { baseUrl: credentials.baseUrl, headers: { authorization: \`Bearer \${credentials.token}\` } };
}

/**
 * Reads a list page by page from \`cursor\` (null: the start). The cursor handed back with
 * each page is what the sync engine saves, so a crashed sync resumes from it. ctx.http
 * already retries 429s and 5xx with backoff and turns 401/403 into typed errors.
 * TODO: link the provider's pagination docs here.
 */
export async function* pages(
  ctx: ConnectorContext<${n.pascal}Credentials>,
  path: string,
  cursor: string | null,
): AsyncGenerator<Page<unknown>> {
  let next = cursor;
  do {
    const body = pageRaw.safeParse(await ctx.http.getJson(path, { cursor: next ?? undefined }));
    if (!body.success) throw new ConnectorError("provider_error", \`\${PROVIDER} sent a page of unexpected shape for \${path}\`);
    next = body.data.next;
    yield { records: body.data.items, nextCursor: next };
  } while (next !== null);
}
`;
}

export function verifyTs(n: ConnectorNames): string {
  return `import type { ConnectorContext, VerifyResult } from "@roster/core";
import { type ${n.pascal}Credentials, ${n.camel}Permissions } from "./manifest";
import { whoamiRaw } from "./raw";

/** The identity call: which account the token belongs to and which permissions it carries. */
export async function verify(ctx: ConnectorContext<${n.pascal}Credentials>): Promise<VerifyResult> {
  // TODO: the provider's "who am I" endpoint (link its docs here).
  const me = whoamiRaw.parse(await ctx.http.getJson("/api/whoami"));
  const ids = ${n.camel}Permissions.map((p) => p.id);
  return {
    account: me.company,
    granted: ids.filter((id) => me.scopes.includes(id)),
    missing: ids.filter((id) => !me.scopes.includes(id)),
  };
}
`;
}

export function healthTs(n: ConnectorNames): string {
  return `import type { ConnectorContext, HealthResult } from "@roster/core";
import type { ${n.pascal}Credentials } from "./manifest";

/** A cheap call that tells the dashboard whether the connection still works. */
export async function health(ctx: ConnectorContext<${n.pascal}Credentials>): Promise<HealthResult> {
  try {
    await ctx.http.getJson("/api/whoami");
    return { status: "ok" };
  } catch (error) {
    return { status: "broken", reason: (error as Error).message };
  }
}
`;
}
