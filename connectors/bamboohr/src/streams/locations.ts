import { defineStream } from "@roster/core";
import type { BambooHrCredentials } from "../manifest";
import { type ListOption, optionsOf } from "../mappers/lists";
import { mapLocation } from "../mappers/location";
import { readListIndex } from "../read/meta";

/** Locations: the options of the Location list (§2.5), archived ones included. One page. */
export const locationsStream = defineStream<BambooHrCredentials, ListOption, "locations">({
  model: "locations",
  async *read(ctx) {
    yield { records: optionsOf(await readListIndex(ctx), "location"), nextCursor: null };
  },
  map: mapLocation,
});
