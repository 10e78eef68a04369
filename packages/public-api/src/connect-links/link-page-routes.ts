import { ConnectionError, createConnection, describeConnector, findConnector, previewCredentials } from "@roster/connections";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { type ConnectLinkRow, claimLink, findUsableLink, recordLinkConnection, releaseLink } from "./connect-links";

const credentials = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/), z.string().trim().max(4000));
const verifyInput = z.object({ credentials });
const completeInput = z.object({
  credentials,
  notification_email: z
    .email()
    .transform((e) => e.toLowerCase())
    .nullable()
    .default(null),
});

const refusals = {
  unknown: [404, "not_found", "This connect link is not valid."],
  used: [410, "gone", "This connect link was already used. Ask for a new one."],
  expired: [410, "gone", "This connect link has expired. Ask for a new one."],
} as const;

/** The link named by `Authorization: Bearer <link token>`; the token is the only credential. */
async function linkOf(c: Context<PublicApiEnv>): Promise<ConnectLinkRow> {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  const link = await findUsableLink(c.var.deps.db, token);
  if (typeof link === "string") {
    const [status, type, detail] = refusals[link];
    throw new ProblemError(status, type, detail);
  }
  return link;
}

function connectionDepsOf(c: { var: { deps: PublicApiEnv["Variables"]["deps"] } }) {
  const deps = c.var.deps.connections;
  if (!deps?.encryptionKey)
    throw new ProblemError(503, "unavailable", "This server cannot store credentials (no ENCRYPTION_KEY).");
  return deps;
}

async function parse<T extends z.ZodType>(schema: T, request: Request): Promise<z.infer<T>> {
  const result = schema.safeParse(await request.json().catch(() => undefined));
  if (!result.success) {
    const errors = result.error.issues.map((i) => ({ parameter: i.path.join(".") || "(body)", message: i.message }));
    throw new ProblemError(400, "invalid_request", errors.map((e) => `${e.parameter}: ${e.message}`).join("; "), { errors });
  }
  return result.data;
}

/** A refusal from the provider or the connection rules, as the form shows it (kind, hint, field errors). */
function connectionProblem(error: ConnectionError): ProblemError {
  const status = error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 422;
  return new ProblemError(status, status === 409 ? "conflict" : "invalid_request", error.message, {
    kind: error.details.kind ?? error.code,
    hint: error.details.hint ?? null,
    fields: error.details.fields ?? {},
  });
}

/**
 * What the connect page (`/connect/:token`, outside the signed-in app) calls. The link token is
 * the only credential: no session, and each answer is about the link's own organisation and
 * connector only. Completing takes the link first, so a replay or a second tab is refused.
 */
export function linkPageRoutes(): Hono<PublicApiEnv> {
  const routes = new Hono<PublicApiEnv>();

  routes.get("/", async (c) => {
    const link = await linkOf(c);
    const connector = describeConnector(findConnector(connectionDepsOf(c), link.connector_id));
    return c.json({
      connector: {
        id: connector.id,
        name: connector.name,
        docs_url: connector.docsUrl,
        connect_help: connector.connectHelp,
        credential_fields: connector.credentialFields,
        permissions: connector.permissions,
      },
      brand: { name: link.brand_name, logo_url: link.brand_logo_url, colour: link.brand_colour },
      // The framing page's origins (not secret: the product's own), so the page can post the result to them.
      allowed_origins: link.allowed_origins,
      expires_at: link.expires_at.toISOString(),
    });
  });

  routes.post("/verify", async (c) => {
    const link = await linkOf(c);
    const input = await parse(verifyInput, c.req.raw);
    try {
      return c.json(await previewCredentials(connectionDepsOf(c), link.connector_id, input.credentials));
    } catch (error) {
      if (error instanceof ConnectionError) throw connectionProblem(error);
      throw error;
    }
  });

  routes.post("/complete", async (c) => {
    const link = await linkOf(c);
    const input = await parse(completeInput, c.req.raw);
    const deps = connectionDepsOf(c);
    if (!(await claimLink(c.var.deps.db, link.id))) throw new ProblemError(...refusals.used);
    let connectionId: string;
    try {
      ({ connectionId } = await createConnection(
        deps,
        { organisationId: link.organisation_id, userId: null, via: "connect_link" },
        { connectorId: link.connector_id, credentials: input.credentials, notificationEmail: input.notification_email },
      ));
    } catch (error) {
      // Wrong credentials are the usual failure: the admin may fix them and try again.
      await releaseLink(c.var.deps.db, link.id);
      if (error instanceof ConnectionError) throw connectionProblem(error);
      throw error;
    }
    await recordLinkConnection(c.var.deps.db, link.id, connectionId);
    const redirect = new URL(link.return_url);
    redirect.searchParams.set("connection_id", connectionId);
    return c.json({ connection_id: connectionId, redirect_url: redirect.toString() }, 201);
  });

  return routes;
}
