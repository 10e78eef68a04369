/**
 * What the contract suite needs from a connector's simulator. Each connector's test
 * adapts its own simulator to this; faults are named abstractly so each simulator maps
 * them to its own switches.
 */
export interface ContractFaults {
  /** Share of requests answered 500, 0..1. */
  serverErrorRate?: number;
  /** A burst of 429s (with a short Retry-After) before requests go through again. */
  rateLimitBurst?: boolean;
  /** Every list page's JSON body cut short. */
  truncateEveryPage?: boolean;
  /** Added to every response. */
  latencyMs?: number;
}

export interface ContractSimulator<Cred = unknown> {
  /** Valid credentials, optionally without some of the manifest's permission ids. */
  credentials(options?: { without?: readonly string[] }): Promise<Cred>;
  /** Well-formed credentials the provider rejects. */
  invalidCredentials(): Promise<Cred>;
  revoke(credentials: Cred): Promise<void>;
  /** Remote ids per stream name, as the provider holds them now. */
  truth(): Promise<Record<string, string[]>>;
  /** Changes records of the contract's mutable stream; returns the remote ids touched. */
  mutate(change: {
    update: number;
    add: number;
    remove: number;
  }): Promise<{ updated: string[]; added: string[]; removed: string[] }>;
  setFaults(faults: ContractFaults): Promise<void>;
  clearFaults(): Promise<void>;
  /** Requests served so far (abort promptness is judged by it, never by time). */
  requestCount(): Promise<number>;
  close(): Promise<void>;
}

export interface ContractOptions<Cred = unknown> {
  simulator: () => Promise<ContractSimulator<Cred>>;
  /** The stream mutate() changes, usually the people stream. */
  mutableStream: string;
  /** Records per batch; small so the suite sees many batches and pages. */
  batchSize?: number;
}
