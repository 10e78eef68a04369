import { z } from "zod";

/** The header a platform key names its organisation in (the OpenAPI document lists it on every route). */
export const ORGANISATION_HEADER = "Roster-Organisation";

export const organisationHeaderSchema = z.string().trim().toLowerCase().pipe(z.uuid());
