import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Account, createAccount } from "./account";
import { handleAdminRequest } from "./admin/handle-admin-request";
import { handleApiRequest } from "./api/handle-api-request";
import { ApiKeys } from "./http/api-keys";
import { FaultInjector } from "./http/faults";
import { LEVER_RATE_LIMIT, RateLimiter } from "./http/rate-limiter";
import { RequestLog } from "./request-log";
import { HIRED_ARCHIVE_REASON_ID, OFFER_STAGE_ID } from "./seed/catalog";
import type { LeverSim, LeverSimOptions } from "./sim-types";
import { buildTruth } from "./truth";
import { DEFAULT_RETRY_DELAYS_MS } from "./webhooks/dispatcher";
import { newSignatureToken } from "./webhooks/signature";

export const SANDBOX_API_KEY = "lever-sandbox-api-key";
export const SANDBOX_SIGNATURE_TOKEN = "lever-sandbox-signing-token";
export const MAX_OPPORTUNITIES = 20_000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startLeverSim(options: LeverSimOptions = {}): Promise<LeverSim> {
  const sandbox = options.sandbox ?? false;
  const seed = options.seed ?? 1;
  const opportunities = options.opportunities ?? (sandbox ? 40 : 60);
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > MAX_OPPORTUNITIES) {
    throw new RangeError(`opportunities must be an integer from 1 to ${MAX_OPPORTUNITIES}`);
  }
  const host = options.host ?? "127.0.0.1";
  const rateLimit = options.rateLimit ?? LEVER_RATE_LIMIT;
  const retryDelaysMs = options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const signatureToken = sandbox ? SANDBOX_SIGNATURE_TOKEN : newSignatureToken();
  const apiKey = sandbox ? SANDBOX_API_KEY : undefined;

  const keys = new ApiKeys();
  const limiter = new RateLimiter(rateLimit);
  const faults = new FaultInjector(seed);
  const log = new RequestLog();
  let account: Account | undefined;
  let sim: LeverSim | undefined;

  const server = createServer((req, res) => {
    if (!account || !sim) {
      res.writeHead(503).end();
      return;
    }
    const current = account;
    const handled = req.url?.startsWith("/__admin")
      ? handleAdminRequest(req, res, sim)
      : handleApiRequest(req, res, { keys, limiter, faults, log, account: () => current });
    handled.catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const build = () => createAccount({ seed, opportunities, baseUrl: url, signatureToken, retryDelaysMs });
  const live = (): Account => {
    if (!account) throw new Error("Lever simulator is closed");
    return account;
  };
  account = build();
  const defaultKey = keys.create({}, apiKey);

  sim = {
    url,
    adminUrl: `${url}/__admin`,
    apiKey: defaultKey,
    get webhookSignatureToken() {
      return live().webhooks.signatureToken;
    },
    seed,
    ids: { offerStageId: OFFER_STAGE_ID, hiredArchiveReasonId: HIRED_ARCHIVE_REASON_ID },
    createApiKey: (keyOptions) => keys.create(keyOptions),
    revokeApiKey: (key) => keys.revoke(key),
    setWebhook: (config) => {
      const { webhooks } = live();
      if (config?.signatureToken) webhooks.signatureToken = config.signatureToken;
      webhooks.setSettingsEndpoint(config?.url ?? null, config?.events);
    },
    webhookConfig: () => {
      const { webhooks } = live();
      const endpoint = webhooks.settingsEndpoint;
      return endpoint ? { url: endpoint.url, signatureToken: webhooks.signatureToken, events: [...endpoint.events] } : null;
    },
    hire: async (opportunityId) => {
      const statuses = await live().pipeline.archive(opportunityId, HIRED_ARCHIVE_REASON_ID);
      return { deliveredStatus: statuses[0] ?? null };
    },
    moveToOffer: async (opportunityId) => {
      await live().pipeline.moveStage(opportunityId, OFFER_STAGE_ID);
    },
    moveToStage: async (opportunityId, stageId) => {
      await live().pipeline.moveStage(opportunityId, stageId);
    },
    mutate: (request) => live().mutations.apply(request),
    get edits() {
      return live().edits;
    },
    replayLastWebhook: () => live().dispatcher.replayLast(),
    sendForgedWebhook: () => {
      const { store, dispatcher } = live();
      const hired = store.opportunities.filter((o) => store.isHired(o));
      const target =
        hired.sort((a, b) => (a.archived?.archivedAt ?? 0) - (b.archived?.archivedAt ?? 0)).at(-1) ?? store.opportunities[0];
      const data = target ? { opportunityId: target.id, candidateId: target.id, contactId: target.contact } : {};
      return dispatcher.sendForged("candidateHired", data);
    },
    verifyWebhook: () => live().dispatcher.verify(),
    webhookLog: () => live().dispatcher.log(),
    setFaults: (partial) => faults.set(partial),
    clearFaults: () => faults.clear(),
    faults: () => faults.current,
    setRateLimit: (config) => limiter.configure(config),
    truth: () => buildTruth(live().store),
    opportunityIdsInStage: (stageId) => {
      const { store } = live();
      const matches =
        stageId === "hired"
          ? store.opportunities.filter((o) => store.isHired(o))
          : store.opportunities.filter((o) => o.stage === stageId && o.archived === null);
      return matches.map((o) => o.id);
    },
    requestLog: () => log.snapshot(),
    clearRequestLog: () => log.clear(),
    reset: () => {
      live().dispatcher.stop();
      account = build();
      keys.clear();
      keys.create({}, defaultKey);
      limiter.configure(rateLimit);
      faults.clear();
      log.clear();
    },
    close: async () => {
      account?.dispatcher.stop();
      account = undefined;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return sim;
}
