import { recordAudit } from "@roster/accounts";
import {
  findLeverConnection,
  LEVER_CONNECTOR_ID,
  mergeLeverCredentials,
  saveLeverSetup,
  storedLeverCredentials,
} from "@roster/connections";
import {
  canSeeHireTransfers,
  loadHireConnection,
  parseHireExportSettings,
  queueExportHire,
  resolveExportTarget,
  sendHireNow,
} from "@roster/hire-export";
import { TRPCError } from "@trpc/server";
import { actorOf, assertCanStoreCredentials, connectionDeps } from "../connections/connection-deps";
import { mapConnectionErrors } from "../connections/connection-errors";
import { listCandidates } from "../lever/candidates";
import { checkExportTarget } from "../lever/export-targets";
import { leverCredentialsSchema, leverOnlyCredentialsSchema, verifyLeverSetup } from "../lever/lever-export";
import { parseLeverSettings } from "../lever/lever-settings";
import { leverSetupView } from "../lever/lever-view";
import { leverWebhookUrl } from "../lever/public-url";
import { pointSandboxLeverWebhook, type SandboxWebhookOutcome } from "../lever/sandbox-webhook";
import { jobQueueReady, listTransfers } from "../lever/transfers";
import {
  leverCandidatesInput,
  leverSaveInput,
  leverTransfersInput,
  leverVerifyInput,
  retryTransferInput,
  sendToZenefitsInput,
} from "../schemas/lever";
import { access, router } from "../trpc";

const visibility = (ctx: { role: "owner" | "admin" | "member"; sensitive: boolean }) =>
  canSeeHireTransfers({ role: ctx.role, sensitive: ctx.sensitive });

/**
 * Settings → Integrations → Lever, the Candidates page and the hire-export story.
 * - get (admins read, owners edit): settings, sync status, secrets as "••••1234" hints, webhook URL.
 * - save, verify (owners): the setup; Verify calls both providers for real and names the side that failed.
 * - candidates (members): synced candidates; transfer outcomes only for canSeeHireTransfers.
 * - sendToZenefits, retryTransfer (owners and admins): push an Offer candidate now; re-queue a failed export.
 * - transfers (sensitive: owners, admins, flagged members = canSeeHireTransfers): the secret story.
 */
export const leverRouter = router({
  get: access("lever.get", "admin").query(({ ctx }) => leverSetupView(ctx, ctx.organisationId)),

  /** Blank secret fields keep the stored ones; the contact must be a member; the first save queues the first sync. */
  save: access("lever.save", "owner")
    .input(leverSaveInput)
    .use(mapConnectionErrors)
    .mutation(async ({ ctx, input }) => {
      assertCanStoreCredentials(ctx);
      if (input.exportTo) await checkExportTarget(ctx.db, ctx.organisationId, input.exportTo);
      const { connectionId, created } = await saveLeverSetup(
        connectionDeps(ctx),
        actorOf(ctx),
        {
          settings: {
            enabled: input.enabled,
            contactUserId: input.contactUserId,
            offersMode: input.offersMode,
            ...(input.exportTo !== undefined ? { exportTo: input.exportTo } : {}),
          },
          credentials: input.credentials,
        },
        // Hires going to a chosen HRIS connection need no Zenefits import channel.
        { credentialsSchema: input.exportTo ? leverOnlyCredentialsSchema : leverCredentialsSchema },
      );
      let sandboxWebhook: SandboxWebhookOutcome = null;
      const sandboxUrl = ctx.connections?.leverSandboxUrl;
      if (sandboxUrl && input.enabled) {
        const connection = await loadHireConnection(ctx.db, connectionDeps(ctx).encryptionKey, connectionId);
        const signingToken = connection?.credentials?.webhookSigningToken;
        if (typeof signingToken === "string" && signingToken) {
          sandboxWebhook = await pointSandboxLeverWebhook({
            leverSandboxUrl: sandboxUrl,
            webhookUrl: leverWebhookUrl(ctx, connectionId),
            signingToken,
            log: ctx.log,
          });
        }
      }
      return { created, sandboxWebhook, view: await leverSetupView(ctx, ctx.organisationId) };
    }),

  /** A real request to Lever and to Zenefits with the values given (blank: the stored ones). Stores nothing. */
  verify: access("lever.verify", "owner")
    .input(leverVerifyInput)
    .mutation(async ({ ctx, input }) => {
      const service = connectionDeps(ctx);
      const row = await findLeverConnection(ctx, ctx.organisationId);
      const credentials = mergeLeverCredentials(service, storedLeverCredentials(service, row), input.credentials);
      let target: { connectorId: string; name: string; credentials: unknown } | undefined;
      if (input.exportTo) {
        const chosen = await checkExportTarget(ctx.db, ctx.organisationId, input.exportTo).catch((error: unknown) => {
          throw new TRPCError({ code: "BAD_REQUEST", message: (error as Error).message });
        });
        const settings = { ...parseHireExportSettings(null), exportTo: input.exportTo };
        const resolved = await resolveExportTarget(ctx.db, service.encryptionKey, {
          organisationId: ctx.organisationId,
          settings,
          credentials,
        });
        if (!resolved.ok) throw new TRPCError({ code: "PRECONDITION_FAILED", message: resolved.problem });
        target = {
          connectorId: resolved.target.connector.manifest.id,
          name: chosen.displayName,
          credentials: resolved.target.credentials,
        };
      }
      return verifyLeverSetup({
        credentials,
        ...(target ? { target } : {}),
        log: ctx.log,
        http: ctx.connections?.verify ?? { retry: { maxAttempts: 3 }, timeoutMs: 15_000 },
      });
    }),

  candidates: access("lever.candidates", "member")
    .input(leverCandidatesInput)
    .query(async ({ ctx, input }) => {
      const transfersVisible = visibility(ctx);
      const list = await listCandidates(ctx.db, ctx.organisationId, input, transfersVisible);
      return { ...list, transfersVisible, canSend: ctx.role === "owner" || ctx.role === "admin" };
    }),

  /**
   * Zenefits offers mode: queues the export of an Offer-stage candidate at once (the worker
   * re-checks Lever). Refused in Lever offers mode, with exports off, for a candidate not in
   * the Offer stage, and (CONFLICT, saying when and as what) for one already sent.
   */
  sendToZenefits: access("lever.sendToZenefits", "admin")
    .input(sendToZenefitsInput)
    .mutation(async ({ ctx, input }) => {
      const candidate = await ctx.db
        .selectFrom("candidates as c")
        .innerJoin("connections as k", "k.id", "c.connection_id")
        .select(["c.id", "c.connection_id", "c.remote_id", "c.display_name", "c.status", "k.settings"])
        .where("c.id", "=", input.candidateId)
        .where("c.organisation_id", "=", ctx.organisationId)
        .where("k.connector_id", "=", LEVER_CONNECTOR_ID)
        .where("c.remote_deleted_at", "is", null)
        .executeTakeFirst();
      if (!candidate) throw new TRPCError({ code: "NOT_FOUND", message: "No such Lever candidate in this organisation" });
      if (parseLeverSettings(candidate.settings).offersMode !== "zenefits") {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Offers are handled in Lever for this organisation: Send to Zenefits is only offered in Zenefits offers mode.",
        });
      }
      if (candidate.status !== "offer") {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Only candidates in Lever's Offer stage can be sent by hand; hires are sent automatically.",
        });
      }
      const result = await sendHireNow({
        db: ctx.db,
        encryptionKey: connectionDeps(ctx).encryptionKey,
        connectionId: candidate.connection_id,
        opportunityId: candidate.remote_id,
      });
      if (!result.queued) {
        throw new TRPCError({ code: result.alreadySent ? "CONFLICT" : "PRECONDITION_FAILED", message: result.reason });
      }
      await recordAudit(ctx.db, {
        organisationId: ctx.organisationId,
        actorUserId: ctx.user.id,
        action: "connection.candidate_sent_to_zenefits",
        targetType: "connection",
        targetId: candidate.connection_id,
        details: { candidate: candidate.display_name, opportunityId: candidate.remote_id },
      });
      return { candidateId: candidate.id, queued: true as const };
    }),

  /** The secret story: what was sent, when, the outcome. Owners, admins and sensitive members only. */
  transfers: access("lever.transfers", "sensitive")
    .input(leverTransfersInput)
    .query(async ({ ctx, input }) => {
      // The permissions level and the package's rule are the same rule; refuse if they ever drift.
      if (!visibility(ctx)) throw new TRPCError({ code: "FORBIDDEN", message: "You don't have access to hire transfers." });
      const transfers = await listTransfers(ctx.db, ctx.organisationId, input);
      if (!transfers) throw new TRPCError({ code: "NOT_FOUND", message: "No such Lever candidate in this organisation" });
      return transfers;
    }),

  /** Retry by hand: re-queues a failed export now (a fresh run of attempts; Zenefits never gets a duplicate). */
  retryTransfer: access("lever.retryTransfer", "admin")
    .input(retryTransferInput)
    .mutation(async ({ ctx, input }) => {
      const transfer = await ctx.db
        .selectFrom("hire_transfers")
        .select(["id", "connection_id", "opportunity_id", "trigger", "status", "candidate_name"])
        .where("id", "=", input.transferId)
        .where("organisation_id", "=", ctx.organisationId)
        .executeTakeFirst();
      if (!transfer) throw new TRPCError({ code: "NOT_FOUND", message: "No such hire export in this organisation" });
      if (transfer.status === "succeeded") {
        throw new TRPCError({ code: "CONFLICT", message: "This export already succeeded: there is nothing to retry." });
      }
      const connection = await ctx.db
        .selectFrom("connections")
        .select("settings")
        .where("id", "=", transfer.connection_id)
        .executeTakeFirstOrThrow();
      if (!parseLeverSettings(connection.settings).enabled) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Exports are turned off: turn the Lever integration on first.",
        });
      }
      if (!(await jobQueueReady(ctx.db))) {
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The worker has not started yet; try again in a minute." });
      }
      await ctx.db.transaction().execute(async (trx) => {
        await queueExportHire(trx, {
          connectionId: transfer.connection_id,
          opportunityId: transfer.opportunity_id,
          trigger: transfer.trigger,
        });
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "connection.export_retried",
          targetType: "connection",
          targetId: transfer.connection_id,
          details: { candidate: transfer.candidate_name, opportunityId: transfer.opportunity_id },
        });
      });
      return { transferId: transfer.id, queued: true as const };
    }),
});
