import { ConnectLinkRefusal, listSentConnectLinks, revokeConnectLink, sendConnectLink } from "@roster/public-api";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { assertCanStoreCredentials, connectionDeps } from "../connections/connection-deps";
import { listConnectLinksInput, revokeConnectLinkInput, sendConnectLinkInput } from "../schemas/connect-links";
import { access, middleware, router } from "../trpc";

const trpcCodes = {
  invalid_connector: "BAD_REQUEST",
  deactivated: "PRECONDITION_FAILED",
  already_connected: "CONFLICT",
  not_found: "NOT_FOUND",
  not_pending: "CONFLICT",
} as const satisfies Record<ConnectLinkRefusal["code"], TRPC_ERROR_CODE_KEY>;

const mapRefusals = middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ConnectLinkRefusal) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: trpcCodes[refusal.code], message: refusal.message, cause: refusal });
  }
  return result;
});

/**
 * Settings → Integrations → <HRIS>: an owner sends a connect link to whoever holds the provider's
 * admin rights, who connects it on Roster's page without an account (the token goes straight into
 * Roster, never through email). The links are the public API's (@roster/public-api's
 * connect-links); only the organisation of the session's owner is ever reached.
 */
export const connectLinksRouter = router({
  /** Pending links of this connector, and the last month's connected, expired and revoked ones. */
  list: access("connectLinks.list", "owner")
    .input(listConnectLinksInput)
    .query(({ ctx, input }) => listSentConnectLinks(ctx.db, ctx.organisationId, input.connectorId)),

  /** A single-use link for this organisation and connector, emailed to `email` (expires in SENT_LINK_HOURS). */
  send: access("connectLinks.send", "owner")
    .input(sendConnectLinkInput)
    .use(mapRefusals)
    .mutation(async ({ ctx, input }) => {
      // The recipient's credentials will be stored: refuse now rather than after they pasted them.
      assertCanStoreCredentials(ctx);
      const sent = await sendConnectLink(ctx.db, connectionDeps(ctx).connectors, {
        organisationId: ctx.organisationId,
        connectorId: input.connectorId,
        to: input.email,
        note: input.note || null,
        userId: ctx.user.id,
        publicUrl: ctx.config.PUBLIC_URL,
      });
      return { id: sent.id, email: input.email, expiresAt: sent.expiresAt };
    }),

  /** Refused from its next request on; a link already used cannot be revoked. */
  revoke: access("connectLinks.revoke", "owner")
    .input(revokeConnectLinkInput)
    .use(mapRefusals)
    .mutation(async ({ ctx, input }) => {
      await revokeConnectLink(ctx.db, { organisationId: ctx.organisationId, linkId: input.linkId, userId: ctx.user.id });
      return { linkId: input.linkId, revoked: true };
    }),
});
