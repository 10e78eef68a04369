import type { RenderContext } from "../render/refs";
import type { CompanyData } from "../store/records";
import { findById } from "../store/sorted";

export type Identified = { id: string };
type Renderer = (record: never, ctx: RenderContext) => object;

/** A sub-collection: `{collection path}/{id}/{name}`. */
export interface SubCollection {
  /** Every scope listed is required: the relation itself can reveal a guarded field. */
  scopes: readonly string[];
  items(data: CompanyData, parentId: string): readonly Identified[];
  render: Renderer;
}

/** A top-level collection: `{path}` lists it, `{path}/{id}` reads one record. */
export interface Collection {
  /** The list's path, also its records' `object` and every ref's `ref_object`, e.g. "/core/people". */
  path: string;
  /** Scope needed to read it at all (403 otherwise). */
  scope: string;
  /** Id-sorted records of one company. */
  items(data: CompanyData): readonly Identified[];
  render: Renderer;
  subs?: Readonly<Record<string, SubCollection>>;
}

export function findInCollection(collection: Collection, data: CompanyData, id: string): Identified | undefined {
  return findById(collection.items(data), id);
}

/** Calls a renderer whose record type was erased by the registry. */
export function renderWith(render: Renderer, record: Identified, ctx: RenderContext): object {
  return (render as (record: Identified, ctx: RenderContext) => object)(record, ctx);
}
