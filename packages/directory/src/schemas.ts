import { z } from "zod";

/** Inputs of the directory reads, shared by the API and the web app's forms. */
export const peopleQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  status: z.enum(["active", "inactive", "leave", "pending", "terminated", "deleted"]).optional(),
  /** The column the list is ordered by (then by name): only these, each a known expression on the server. */
  sort: z.enum(["name", "jobTitle", "department", "location", "status"]).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type PeopleQuery = z.input<typeof peopleQuerySchema>;

export const personIdSchema = z.object({ id: z.uuid() });
