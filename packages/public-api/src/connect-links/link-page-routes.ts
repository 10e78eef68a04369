import { ConnectionError, createConnection, describeConnector, findConnector, previewCredentials } from "@roster/connections";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { PublicApiEnv } from "../context";
import { ProblemError } from "../http/problem";
import { type ConnectLinkRow, claimLink, findUsableLink, linkRequester, releaseLink } from "./connect-links";

const credentials = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/), z.string().trim().max(4000));
/** Which of the link's connectors; may be left out when it offers only one. */
const connectorId = z.string().max(63).optional();
const verifyInput = z.object({ connector_id: connectorId, credentials });
const completeInput = z.object({
  connector_id: connectorId,
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
  revoked: [410, "gone", "This connect link was revoked. Ask for a new one."],
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

/**
 * The connector a verify or complete is for: one the link offers, named when it offers several.
 * Anything else is refused here, whatever the page sent.
 */
function chosenConnector(link: ConnectLinkRow, requested: string | undefined): string {
  if (requested === undefined) {
    if (link.connector_ids.length === 1) return link.connector_ids[0] as string;
    throw new ProblemError(400, "invalid_request", "connector_id: choose one of the link's connectors", {
      errors: [{ parameter: "connector_id", message: "required: this link offers a choice" }],
    });
  }
  if (!link.connector_ids.includes(requested)) {
    throw new ProblemError(403, "forbidden", "This connect link does not offer that connector.");
  }
  return requested;
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
 * connectors only (verify and complete name one of them when it offers a choice). Completing
 * takes the link first, so a replay or a second tab is refused.
 */
export function linkPageRoutes(): Hono<PublicApiEnv> {
  const routes = new Hono<PublicApiEnv>();

  routes.get("/", async (c) => {
    const link = await linkOf(c);
    const deps = connectionDepsOf(c);
    const requester = await linkRequester(c.var.deps.db, link);
    return c.json({
      connectors: link.connector_ids.map((id) => {
        const connector = describeConnector(findConnector(deps, id));
        return {
          id: connector.id,
          name: connector.name,
          logo: connector.logo,
          docs_url: connector.docsUrl,
          connect_help: connector.connectHelp,
          credential_fields: connector.credentialFields,
          permissions: connector.permissions,
        };
      }),
      brand: { name: link.brand_name, logo_url: link.brand_logo_url, colour: link.brand_colour },
      // Sent from the dashboard: who asked, for their own organisation (links from the API say nothing of it).
      requested_by: requester ? { name: requester.name, organisation_name: requester.organisationName } : null,
      // The framing page's origins (not secret: the product's own), so the page can post the result to them.
      allowed_origins: link.allowed_origins,
      expires_at: link.expires_at.toISOString(),
    });
  });

  routes.post("/verify", async (c) => {
    const link = await linkOf(c);
    const input = await parse(verifyInput, c.req.raw);
    const connectorId = chosenConnector(link, input.connector_id);
    try {
      return c.json(await previewCredentials(connectionDepsOf(c), connectorId, input.credentials));
    } catch (error) {
      if (error instanceof ConnectionError) throw connectionProblem(error);
      throw error;
    }
  });

  routes.post("/complete", async (c) => {
    const link = await linkOf(c);
    const input = await parse(completeInput, c.req.raw);
    const connectorId = chosenConnector(link, input.connector_id);
    const deps = connectionDepsOf(c);
    if (!(await claimLink(c.var.deps.db, link.id))) throw new ProblemError(...refusals.used);
    let connectionId: string;
    try {
      // The link is recorded as spent on the connection, in the transaction that creates it.
      ({ connectionId } = await createConnection(
        deps,
        { organisationId: link.organisation_id, userId: null, via: "connect_link", connectLinkId: link.id },
        { connectorId, credentials: input.credentials, notificationEmail: input.notification_email },
      ));
    } catch (error) {
      // Wrong credentials are the usual failure: the admin may fix them and try again.
      await releaseLink(c.var.deps.db, link.id);
      if (error instanceof ConnectionError) throw connectionProblem(error);
      throw error;
    }
    let redirectUrl: string | null = null;
    if (link.return_url) {
      const redirect = new URL(link.return_url);
      redirect.searchParams.set("connection_id", connectionId);
      redirect.searchParams.set("connector_id", connectorId);
      redirectUrl = redirect.toString();
    }
    return c.json({ connection_id: connectionId, connector_id: connectorId, redirect_url: redirectUrl }, 201);
  });

  return routes;
}
