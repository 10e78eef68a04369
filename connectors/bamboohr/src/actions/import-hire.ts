import {
  type ConnectorContext,
  ConnectorError,
  type Hire,
  hireSchema,
  type ImportedHire,
  type ImportHireAction,
  importedHireSchema,
} from "@roster/core";
import { type BambooHrContext, request } from "../client";
import { readListIndex } from "../read/meta";
import { customReport } from "../read/report";
import { accountOf } from "../verify";
import { hireBody } from "./hire-body";

/** A hire that cannot be sent as it is; nothing reached BambooHR. */
export class InvalidHireError extends Error {
  override name = "InvalidHireError";
}

const ADD_EMPLOYEES_HINT =
  "Give the API key's user the permission to add employees in BambooHR (Settings → Access Levels), or use a key of a user who has it.";

/** The new employee's id from the 201's `Location: …/v1/employees/{id}` (reference §7.1). */
export function idFromLocation(location: string | null): string | null {
  const match = location ? /\/employees\/(\d+)\/?(?:[?#].*)?$/.exec(location) : null;
  return match?.[1] ?? null;
}

/** An employee already holding this email (work or home), whatever their status: a re-send, or a rehire to make by hand. */
async function existingEmployee(ctx: BambooHrContext, email: string): Promise<{ id: string; status: string } | null> {
  const wanted = email.trim().toLowerCase();
  const { rows } = await customReport(ctx, ["workEmail", "homeEmail", "status"]);
  for (const row of rows as Record<string, unknown>[]) {
    const emails = [row.workEmail, row.homeEmail].map((e) => (typeof e === "string" ? e.trim().toLowerCase() : ""));
    if (emails.includes(wanted)) return { id: String(row.id), status: typeof row.status === "string" ? row.status : "unknown" };
  }
  return null;
}

async function createEmployee(ctx: BambooHrContext, fields: Record<string, string>): Promise<string> {
  try {
    // POST /v1/employees: BambooHR's OpenAPI, reference §7.1 [spec]. Never retried
    // (not idempotent): a retry after a lost answer could add the person twice.
    const response = await request(ctx, { method: "POST", url: "v1/employees", json: fields, responseType: "bytes" });
    const id = idFromLocation(response.headers.get("location"));
    if (id === null) {
      throw new ConnectorError("provider_error", "BambooHR created the employee but sent no Location naming the new id", {
        hint: "Look for the new employee in BambooHR before sending the hire again.",
      });
    }
    return id;
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (error.status === 403) throw new ConnectorError("forbidden", error.message, { status: 403, hint: ADD_EMPLOYEES_HINT });
    if (error.status === 400 || error.status === 409) {
      const why =
        error.status === 400 ? "a required field is missing or malformed" : "a field holds a value BambooHR does not accept";
      throw new ConnectorError("provider_error", `BambooHR refused the new employee: ${why} (${error.message})`, {
        status: error.status,
        cause: error,
        hint: "Check the hire's name, email and dates, and that its job title, department and location exist in BambooHR.",
      });
    }
    throw error;
  }
}

/**
 * Adds a hired candidate as a new BambooHR employee (`POST /v1/employees`). BambooHR keeps no
 * external id to de-duplicate on, so an employee with the same email is taken as this hire sent
 * before: nothing is changed and its id is returned (created: false).
 */
async function run(ctx: ConnectorContext<any>, input: Hire): Promise<ImportedHire> {
  const parsed = hireSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "hire"}: ${i.message}`).join("; ");
    throw new InvalidHireError(`The hire cannot be sent to BambooHR: ${problems}`);
  }
  const hire = parsed.data;
  const existing = await existingEmployee(ctx, hire.email);
  if (existing) {
    return {
      remoteId: existing.id,
      status: `already in BambooHR as employee ${existing.id} (${existing.status}), matched by email; nothing changed`,
      created: false,
    };
  }
  const body = hireBody(hire, await readListIndex(ctx));
  const remoteId = await createEmployee(ctx, body.fields);
  return {
    remoteId,
    status: body.leftOut.length > 0 ? `created; not set: ${body.leftOut.join("; ")}` : "created",
    created: true,
  };
}

/**
 * Whether the key may add employees, without adding one: an empty create is refused with 403
 * when the user lacks the permission and 400 (no first and last name) when they have it (§7.1).
 * Which check BambooHR makes first is not documented; if it validated first, a missing
 * permission shows at the first import instead, as a forbidden error with the same hint.
 */
async function verify(ctx: ConnectorContext<any>): Promise<{ account: { id: string; name: string } }> {
  try {
    await request(ctx, { method: "POST", url: "v1/employees", json: {}, responseType: "bytes" });
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.status !== 400) {
      if (error instanceof ConnectorError && error.status === 403) {
        throw new ConnectorError("forbidden", `The API key may not add employees to BambooHR (${error.message})`, {
          status: 403,
          hint: ADD_EMPLOYEES_HINT,
        });
      }
      throw error;
    }
  }
  return { account: accountOf(ctx.credentials.companyDomain) };
}

export const importHire: ImportHireAction = {
  input: hireSchema,
  output: importedHireSchema,
  acceptsOffers: false,
  run,
  verify,
};
