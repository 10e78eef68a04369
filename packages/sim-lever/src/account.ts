import { Mutations } from "./mutations";
import { Pipeline } from "./pipeline";
import { createPrng } from "./prng";
import { RecruiterEdits } from "./recruiter-edits";
import { seedAccount } from "./seed/seed-account";
import type { Store } from "./store/store";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { WebhookRegistry } from "./webhooks/registry";

/** The state a reset throws away and rebuilds: data, webhook endpoints and their delivery log. */
export interface Account {
  store: Store;
  pipeline: Pipeline;
  webhooks: WebhookRegistry;
  dispatcher: WebhookDispatcher;
  mutations: Mutations;
  edits: RecruiterEdits;
}

export interface AccountOptions {
  seed: number;
  opportunities: number;
  baseUrl: string;
  signatureToken: string;
  retryDelaysMs: readonly number[];
}

export function createAccount(options: AccountOptions): Account {
  const store = seedAccount(options);
  const webhooks = new WebhookRegistry(options.signatureToken);
  const dispatcher = new WebhookDispatcher(webhooks, options.retryDelaysMs);
  // Live changes draw from their own stream so they never shift the seeded data.
  const runtime = { prng: createPrng(options.seed ^ 0x5f3759df), store, baseUrl: options.baseUrl };
  return {
    store,
    pipeline: new Pipeline(runtime, dispatcher),
    webhooks,
    dispatcher,
    mutations: new Mutations(runtime),
    edits: new RecruiterEdits(runtime),
  };
}
