import { getPerson, listDepartments, listLocations, listPeople, peopleQuerySchema, personIdSchema } from "@roster/directory";
import { TRPCError } from "@trpc/server";
import { personFor } from "../directory/sensitive-fields";
import { access, router } from "../trpc";

/**
 * The unified directory synced from the HR system, for every member. Inputs are
 * @roster/directory's own schemas (search, filters, keyset cursor).
 */
export const directoryRouter = router({
  /** A page of people by name, with the matching total (capped at 10,000: `totalIsCapped`). */
  people: access("directory.people", "member")
    .input(peopleQuerySchema)
    .query(({ ctx, input }) => listPeople(ctx.db, ctx.organisationId, input)),

  /** Everything about one person: manager chain, reports, employments, changes; sensitive fields by flag. */
  person: access("directory.person", "member")
    .input(personIdSchema)
    .query(async ({ ctx, input }) => {
      const person = await getPerson(ctx.db, ctx.organisationId, input.id);
      if (!person) throw new TRPCError({ code: "NOT_FOUND", message: "No one with that id in this organisation's directory" });
      return personFor(person, { role: ctx.role, sensitive: ctx.sensitive });
    }),

  departments: access("directory.departments", "member").query(({ ctx }) => listDepartments(ctx.db, ctx.organisationId)),

  locations: access("directory.locations", "member").query(({ ctx }) => listLocations(ctx.db, ctx.organisationId)),
});
