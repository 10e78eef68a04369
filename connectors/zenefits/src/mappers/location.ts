import type { Location, Mapped } from "@roster/core";
import { rawLocation } from "../raw";
import { failure, parseRecord, textOrNull, verbatimOrNull } from "./fields";

/** A /core/locations record (reference §6, "Location") → Location. */
export function mapLocation(input: unknown): Mapped<Location> {
  const parsed = parseRecord(rawLocation, input, "location");
  if (!parsed.ok) return parsed.failure;
  const raw = parsed.raw;
  const remoteId = String(raw.id);
  const name = textOrNull(raw.name);
  if (name === null) return failure(remoteId, 'Location has no "name"');
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: input,
      remoteUpdatedAt: null,
      name,
      street1: textOrNull(raw.street1),
      street2: textOrNull(raw.street2),
      city: textOrNull(raw.city),
      state: textOrNull(raw.state),
      postalCode: textOrNull(raw.zip),
      country: textOrNull(raw.country),
      phone: verbatimOrNull(raw.phone),
    },
  };
}
