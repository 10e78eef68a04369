import {
  createConnection,
  deleteConnection,
  disableByOwner,
  enableByOwner,
  getRunDetail,
  integrationsOverview,
  listConnectionEmails,
  listConnections,
  listIssues,
  listRuns,
  previewCredentials,
  rotateCredentials,
  setNotificationEmail,
  snoozeIssue,
  snoozeIssueInput,
  syncNow,
} from "@roster/connections";
import { TRPCError } from "@trpc/server";
import { actorOf, assertCanStoreCredentials, connectionDeps } from "../connections/connection-deps";
import { mapConnectionErrors } from "../connections/connection-errors";
import { assertConnectionInOrganisation, connectionView } from "../connections/connection-view";
import type { ApiDeps } from "../context";
import {
  connectInput,
  connectionIdInput,
  connectionRunInput,
  connectionRunsInput,
  rotateInput,
  setNotificationEmailInput,
  verifyCredentialsInput,
} from "../schemas/connections";
import { access, router } from "../trpc";
import { pointSandboxAtConnection } from "../webhooks/sandbox-record-webhook";

/** Sandbox: a saved connection's simulator delivers its webhooks here from now on (best effort). */
async function pointSandboxAt(ctx: ApiDeps, connectorId: string, connectionId: string): Promise<void> {
  const connector = connectionDeps(ctx).connectors.find((c) => c.manifest.id === connectorId);
  if (connector) await pointSandboxAtConnection(ctx, connector, connectionId);
}

/**
 * Settings → HRIS integration, the connection page and "View errors". Thin: the flows live in
 * @roster/connections (which writes the audit rows); ConnectionErrors become tRPC errors that
 * carry their kind, hint and field errors (connections/connection-errors.ts).
 */
export const connectionsRouter = router({
  /** The organisation's connections, for the dashboard and the settings pages. */
  list: access("connections.list", "admin").query(({ ctx }) => listConnections(connectionDeps(ctx), ctx.organisationId)),

  /** Settings → Integrations and the dashboard's first card: every installed connector and its state. */
  overview: access("connections.overview", "admin").query(({ ctx }) =>
    integrationsOverview(connectionDeps(ctx), ctx.organisationId),
  ),

  /** Open and recently resolved integration issues, with the remedy and where it is fixed. */
  issues: access("connections.issues", "admin").query(({ ctx }) => listIssues(connectionDeps(ctx), ctx.organisationId)),

  /** Not reminded for a while; the issue stays open and still resolves on its own. */
  snoozeIssue: access("connections.snoozeIssue", "owner")
    .input(snoozeIssueInput)
    .use(mapConnectionErrors)
    .mutation(({ ctx, input }) => snoozeIssue(connectionDeps(ctx), actorOf(ctx), input)),

  get: access("connections.get", "admin")
    .input(connectionIdInput)
    .use(mapConnectionErrors)
    .query(async ({ ctx, input }) => {
      const view = await connectionView(ctx, ctx.organisationId, input.connectionId);
      // The token's last characters and where alerts go are the owners' business (they rotate
      // and configure); admins follow the connection without them.
      return ctx.role === "owner" ? view : { ...view, credentialsHint: null, notificationEmail: null };
    }),

  /** Verify without storing: the account and the permissions checklist the form shows before Save. */
  verify: access("connections.verify", "owner")
    .input(verifyCredentialsInput)
    .use(mapConnectionErrors)
    .mutation(({ ctx, input }) => previewCredentials(connectionDeps(ctx), input.connectorId, input.credentials)),

  /** Any installed HRIS: verified with the provider first; only working credentials are stored, then the first sync. */
  connect: access("connections.connect", "owner")
    .input(connectInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      assertCanStoreCredentials(ctx);
      const { connectionId } = await createConnection(connectionDeps(ctx), actorOf(ctx), {
        connectorId: input.connectorId,
        credentials: input.credentials,
        notificationEmail: input.notificationEmail,
      });
      await pointSandboxAt(ctx, input.connectorId, connectionId);
      return connectionView(ctx, ctx.organisationId, connectionId);
    }),

  /**
   * Fresh credentials replace the old ones in place (same connection, same history), once
   * verified; blank fields keep the stored values. Fewer permissions only once confirmed
   * (PRECONDITION_FAILED names what would stop updating).
   */
  rotate: access("connections.rotate", "owner")
    .input(rotateInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      assertCanStoreCredentials(ctx);
      await rotateCredentials(connectionDeps(ctx), actorOf(ctx), input.connectionId, input.credentials, {
        confirmFewerPermissions: input.confirmFewerPermissions,
      });
      const view = await connectionView(ctx, ctx.organisationId, input.connectionId);
      await pointSandboxAt(ctx, view.connectorId, input.connectionId);
      return view;
    }),

  setNotificationEmail: access("connections.setNotificationEmail", "owner")
    .input(setNotificationEmailInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      await setNotificationEmail(connectionDeps(ctx), actorOf(ctx), input.connectionId, input.notificationEmail);
      return connectionView(ctx, ctx.organisationId, input.connectionId);
    }),

  disable: access("connections.disable", "owner")
    .input(connectionIdInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      await disableByOwner(connectionDeps(ctx), actorOf(ctx), input.connectionId);
      return connectionView(ctx, ctx.organisationId, input.connectionId);
    }),

  /** Re-enables: the failure counter is reset and a sync is queued at once. */
  enable: access("connections.enable", "owner")
    .input(connectionIdInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      await enableByOwner(connectionDeps(ctx), actorOf(ctx), input.connectionId);
      return connectionView(ctx, ctx.organisationId, input.connectionId);
    }),

  /** Deletes the integration and the directory synced through it; the audit entry stays. */
  delete: access("connections.delete", "owner")
    .input(connectionIdInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      await deleteConnection(connectionDeps(ctx), actorOf(ctx), input.connectionId);
      return { connectionId: input.connectionId, deleted: true };
    }),

  /** Queues a sync (a second click while one waits adds nothing); refused while the connection is disabled. */
  syncNow: access("connections.syncNow", "owner")
    .input(connectionIdInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      const result = await syncNow(connectionDeps(ctx), actorOf(ctx), input.connectionId);
      ctx.log.info({ requestId: ctx.requestId, connectionId: input.connectionId, result }, "sync requested");
      return { connectionId: input.connectionId, result };
    }),

  runs: access("connections.runs", "admin")
    .input(connectionRunsInput)
    .query(async ({ ctx, input }) => {
      await assertConnectionInOrganisation(ctx, ctx.organisationId, input.connectionId);
      return listRuns(ctx.db, ctx.organisationId, input.connectionId, input.limit);
    }),

  /**
   * One run, successful or not: counts per collection, duration, what it did not keep current,
   * errors grouped by kind, the people it changed. The page the failure emails link to.
   */
  run: access("connections.run", "admin")
    .input(connectionRunInput)
    .use(mapConnectionErrors)
    .query(async ({ ctx, input }) => {
      const run = await getRunDetail(connectionDeps(ctx), ctx.organisationId, input.runId);
      if (run.connectionId !== input.connectionId) {
        throw new TRPCError({ code: "NOT_FOUND", message: "No such sync run for this connection" });
      }
      return run;
    }),

  /** Emails sent (or waiting) about the connection: failures, auto-disable, recovery. */
  emails: access("connections.emails", "admin")
    .input(connectionIdInput)
    .query(async ({ ctx, input }) => {
      await assertConnectionInOrganisation(ctx, ctx.organisationId, input.connectionId);
      const emails = await listConnectionEmails(ctx.db, ctx.organisationId, input.connectionId);
      // Recipients are the owners' business, as the notification address is.
      return ctx.role === "owner" ? emails : emails.map((email) => ({ ...email, to: [] }));
    }),
});
