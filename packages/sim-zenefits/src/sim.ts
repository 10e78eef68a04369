import type { AddressInfo } from "node:net";
import type { Candidate } from "./ats/store";
import type { FaultConfig } from "./http/faults";
import type { RequestLogSnapshot } from "./http/request-log";
import { createSimServer } from "./http/server";
import { DEFAULT_QUIRKS, type Quirks } from "./quirks";
import { SANDBOX_CLIENT_SECRET } from "./seed/company";
import { SimState } from "./state";
import { applyMutations, type MutationRequest, type MutationResult } from "./store/mutations";
import { buildTruth, type Truth, type TruthCounts, truthCounts } from "./truth";

export const SANDBOX_TOKEN = "zen-sandbox-demo-token";
export { SANDBOX_CLIENT_SECRET };
export const SANDBOX_PEOPLE = 250;
export const DEFAULT_PEOPLE = 100;
export const DEFAULT_SEED = 42;

export interface ZenefitsSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** People per company, at least 10. Default 100 (250 in sandbox mode). */
  people?: number;
  seed?: number;
  /** Number of companies; each token is scoped to one. Default 1. */
  companies?: number;
  /** Demo mode: fixed token, fixed client secret, "Acme Robotics (sandbox)". */
  sandbox?: boolean;
  /** Readings of what the reference leaves open; defaults in DEFAULT_QUIRKS. */
  quirks?: Partial<Quirks>;
}

export interface ZenefitsSim {
  /** API base URL, e.g. "http://127.0.0.1:41234"; the connector appends /core/... */
  readonly url: string;
  readonly adminUrl: string;
  /** The first (default) company. */
  readonly companyId: string;
  readonly companyIds: readonly string[];
  /** A token with every scope for the default company (the demo token in sandbox mode). */
  readonly defaultToken: string;
  clientSecret(companyId?: string): string;
  createToken(options?: { scopes?: string[]; companyId?: string }): string;
  revokeToken(token: string): void;
  /** Changes an active token's scopes in place, as an admin unticking a permission in Zenefits. */
  setTokenScopes(token: string, scopes: string[]): void;
  setFaults(partial: Partial<FaultConfig>): void;
  clearFaults(): void;
  faults(): FaultConfig;
  setQuirks(partial: Partial<Quirks>): Quirks;
  quirks(): Quirks;
  mutate(request: MutationRequest & { companyId?: string }): MutationResult;
  truth(companyId?: string): Truth;
  counts(companyId?: string): TruthCounts;
  requestLog(): RequestLogSnapshot;
  clearRequestLog(): void;
  atsCandidates(companyId?: string): Candidate[];
  /** Re-seeds data, clears faults, log and ATS candidates; tokens stay valid. */
  reset(): void;
  close(): Promise<void>;
}

export async function startZenefitsSim(options: ZenefitsSimOptions = {}): Promise<ZenefitsSim> {
  const sandbox = options.sandbox ?? false;
  const state = new SimState({
    seed: options.seed ?? DEFAULT_SEED,
    people: options.people ?? (sandbox ? SANDBOX_PEOPLE : DEFAULT_PEOPLE),
    companies: options.companies ?? 1,
    sandbox,
  });
  state.quirks = { ...DEFAULT_QUIRKS, ...options.quirks };
  const server = createSimServer(state);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  state.url = `http://${urlHost}:${address.port}`;

  const firstCompany = state.company().company.id;
  const defaultToken = state.tokens.create(firstCompany, undefined, sandbox ? SANDBOX_TOKEN : undefined).token;

  return {
    url: state.url,
    adminUrl: `${state.url}/__admin`,
    companyId: firstCompany,
    companyIds: state.dataset.companies.map((data) => data.company.id),
    defaultToken,
    clientSecret: (companyId) => state.company(companyId).clientSecret,
    createToken: ({ scopes, companyId } = {}) => state.tokens.create(state.company(companyId).company.id, scopes).token,
    revokeToken: (token) => {
      state.tokens.revoke(token);
    },
    setTokenScopes: (token, scopes) => {
      if (!state.tokens.setScopes(token, scopes)) throw new Error("Unknown or revoked token");
    },
    setFaults: (partial) => {
      state.faults.set(partial);
    },
    clearFaults: () => state.faults.clear(),
    faults: () => state.faults.current,
    setQuirks: (partial) => ({ ...Object.assign(state.quirks, partial) }),
    quirks: () => ({ ...state.quirks }),
    mutate: ({ companyId, ...request }) => applyMutations(state.dataset, state.company(companyId), request),
    truth: (companyId) => buildTruth(state.company(companyId), state.url),
    counts: (companyId) => truthCounts(state.company(companyId)),
    requestLog: () => state.log.snapshot(),
    clearRequestLog: () => state.log.clear(),
    atsCandidates: (companyId) => state.ats.list(state.company(companyId).company.id),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
