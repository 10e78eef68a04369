import type { Location, Mapped } from "@roster/core";
import { failure } from "./fields";
import type { ListOption } from "./lists";

/**
 * An option of BambooHR's Location list (reference §2.5) → Location. The list holds names only;
 * addresses live behind an endpoint not confirmed on the API-key gateway (§2.5,
 * `/api/v1/hris/org/locations`), so they stay null (unknown) rather than guessed.
 */
export function mapLocation(option: ListOption): Mapped<Location> {
  const name = option.name.trim();
  if (!name) return failure(option.id, "Location option has no name");
  return {
    ok: true,
    value: {
      remoteId: option.id,
      remoteData: option,
      remoteUpdatedAt: null,
      name,
      street1: null,
      street2: null,
      city: null,
      state: null,
      postalCode: null,
      country: null,
      phone: null,
    },
  };
}
