import { z } from "zod";

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export const isoDate = z.iso.date();
/** An ISO 8601 instant with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** Fields every unified record carries, whatever the provider. */
export const syncedRecordFields = {
  /** The provider's stable id for this record. */
  remoteId: z.string().min(1),
  /** The raw provider record, kept for debugging and later mapping. */
  remoteData: z.unknown(),
  /** When the provider last changed the record, where it says. */
  remoteUpdatedAt: isoDateTime.nullable().default(null),
};
