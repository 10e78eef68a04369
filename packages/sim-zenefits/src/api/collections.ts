import type { Collection } from "./collection";
import { CORE_COLLECTIONS } from "./core-collections";
import { MODULE_COLLECTIONS } from "./module-collections";
import { PLATFORM_COLLECTIONS } from "./platform-collections";

/** Every collection the simulator serves, by path ("/core/people"); the one routing table of GETs. */
export const COLLECTIONS: Readonly<Record<string, Collection>> = Object.fromEntries(
  [...CORE_COLLECTIONS, ...MODULE_COLLECTIONS, ...PLATFORM_COLLECTIONS].map((collection) => [collection.path, collection]),
);

/** First path segments the API answers under (the rest is the admin surface and the ATS channel). */
export const API_FAMILIES: ReadonlySet<string> = new Set(Object.keys(COLLECTIONS).map((path) => path.split("/")[1] ?? ""));
