import type { Ref } from "./types";

/** Everything a renderer needs: the URL base clients see, granted scopes, the company. */
export interface RenderContext {
  base: string;
  scopes: ReadonlySet<string>;
  /** Leave out fields the token may not see instead of sending null (quirk `hiddenFields: "omit"`). */
  omitHidden?: boolean;
}

/** To-one link; url is null when the link is unset or hidden by a missing scope. */
export function detailRef(url: string | null, refObject: string): Ref {
  return { url, object: "/meta/ref/detail", ref_object: refObject };
}

export function listRef(url: string, refObject: string): Ref {
  return { url, object: "/meta/ref/list", ref_object: refObject };
}

/** Detail ref to `${base}/core/${collection}/${id}`, or a null-url ref. */
export function refTo(ctx: RenderContext, collection: string, id: string | null, visible = true): Ref {
  return refAt(ctx, `/core/${collection}`, id, visible);
}

/** Detail ref to a record of any collection path ("/time_off/vacation_types"), or a null-url ref. */
export function refAt(ctx: RenderContext, refObject: string, id: string | null, visible = true): Ref {
  return detailRef(visible && id !== null ? `${ctx.base}${refObject}/${id}` : null, refObject);
}

/** The last path segment of a ref url, i.e. the target id. */
export function refId(ref: Ref): string | null {
  if (ref.url === null) return null;
  const segments = ref.url.replace(/\/+$/, "").split("/");
  return segments[segments.length - 1] ?? null;
}
