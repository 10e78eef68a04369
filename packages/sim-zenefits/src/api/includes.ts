import { type RenderContext, refId } from "../render/refs";
import type { Ref } from "../render/types";
import type { CompanyData } from "../store/records";
import { findInCollection, renderWith } from "./collection";
import { COLLECTIONS } from "./collections";
import { lastParam } from "./pagination";

/**
 * `includes` support, one level deep: each named to-one ref (manager,
 * department, location, company, person, custom_field) is replaced by the full
 * object. Like every single-valued parameter, the last copy of `includes`
 * counts. Dotted paths expand their first segment only; list refs, unset or
 * scope-hidden refs, and targets whose collection scope is missing stay stubs.
 */
export function parseIncludes(params: URLSearchParams): string[] {
  const raw = lastParam(params, "includes") ?? "";
  const names = raw
    .split(/[\s,]+/)
    .map((name) => name.split(".")[0] ?? "")
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}

function isDetailRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && (value as Ref).object === "/meta/ref/detail";
}

export function expandIncludes(
  record: Record<string, unknown>,
  includes: readonly string[],
  data: CompanyData,
  ctx: RenderContext,
): Record<string, unknown> {
  for (const name of includes) {
    const ref = record[name];
    if (!isDetailRef(ref)) continue;
    const id = refId(ref);
    const collection = COLLECTIONS[ref.ref_object];
    if (id === null || !collection || !ctx.scopes.has(collection.scope)) continue;
    const target = findInCollection(collection, data, id);
    if (target) record[name] = renderWith(collection.render, target, ctx);
  }
  return record;
}
