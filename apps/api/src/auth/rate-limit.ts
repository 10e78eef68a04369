import { type Db, sql } from "@roster/db";

/** Failed sign-ins allowed per email within the window before further tries are refused. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

/**
 * Failures for this email inside the window since its last success: a correct password
 * resets the count, and the window lets a locked-out person in again after 15 minutes.
 */
export async function recentSignInFailures(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom("sign_in_attempts")
    .select((eb) => eb.fn.countAll<number>().as("failures"))
    .where("email", "=", email)
    .where("succeeded", "=", false)
    .where("attempted_at", ">", sql<Date>`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("sign_in_attempts as later")
            .select("later.id")
            .where("later.email", "=", email)
            .where("later.succeeded", "=", true)
            .whereRef("later.attempted_at", ">", "sign_in_attempts.attempted_at"),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function recordSignInAttempt(db: Db, email: string, succeeded: boolean): Promise<void> {
  await db.insertInto("sign_in_attempts").values({ email, succeeded }).execute();
}
