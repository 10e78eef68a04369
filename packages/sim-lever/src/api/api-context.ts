import type { KeyGrant } from "../http/api-keys";
import { notFound } from "../http/api-result";
import type { Opportunity } from "../model";
import type { Pipeline } from "../pipeline";
import type { Store } from "../store/store";
import type { WebhookRegistry } from "../webhooks/registry";

/** What every /v1 route receives: the account state and the caller's key grant. */
export interface ApiContext {
  store: Store;
  pipeline: Pipeline;
  webhooks: WebhookRegistry;
  grant: KeyGrant;
}

export function canSee(ctx: ApiContext, item: { confidentiality: string }): boolean {
  return ctx.grant.confidential || item.confidentiality !== "confidential";
}

/** The opportunity, or 404 when it does not exist or the key may not see confidential data. */
export function visibleOpportunity(ctx: ApiContext, id: string): Opportunity {
  const opportunity = ctx.store.opportunity(id);
  if (!opportunity || !canSee(ctx, opportunity)) throw notFound("opportunities", id);
  return opportunity;
}

/** Values of a repeatable query parameter; comma-separated values are accepted too. */
export function multi(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * `include` is subtractive (only the named fields, plus `id`), `expand` inlines referenced objects
 * and overrides include (reference §2).
 */
export function shape(
  record: object,
  url: URL,
  expanders: Record<string, (value: unknown) => unknown> = {},
): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const include = multi(url, "include");
  const expand = multi(url, "expand").filter((field) => field in expanders);
  const out: Record<string, unknown> =
    include.length === 0
      ? { ...source }
      : Object.fromEntries(Object.entries(source).filter(([k]) => k === "id" || include.includes(k)));
  for (const field of expand) {
    const expander = expanders[field];
    if (expander) out[field] = expander(source[field]);
  }
  return out;
}
