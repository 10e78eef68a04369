import { ConnectorError, type VerifyResult } from "@roster/core";
import type { BambooHrContext } from "./client";
import { fieldsOfPermission } from "./field-access";
import { type BambooHrPermissionId, bamboohrPermissions } from "./manifest";
import { readCustomFields, readListIndexIfAllowed } from "./read/meta";
import { customReport } from "./read/report";

/** A time no employee changed after: the probe report then lists its readable columns and no one. */
const NO_ONE_CHANGED_SINCE = "2999-01-01T00:00:00Z";

/** The account: BambooHR has no company endpoint for API keys, so its address names it. */
export function accountOf(companyDomain: string): VerifyResult["account"] {
  return { id: companyDomain, name: `${companyDomain}.bamboohr.com` };
}

/**
 * Checks the key and reports which of Roster's field groups its user can read. BambooHR has no
 * endpoint for "what may I see" (reference §4): a custom report of every field Roster reads
 * silently drops the ones the user may not read, and lists the others in its `fields`. Filtered
 * to people changed after year 2999, it names no one, so the check is cheap at any size. Custom
 * fields come from `meta/fields`, which also tells a wrong key (401) or company (404) early; Job
 * information also needs `meta/lists`, through which departments and locations are linked.
 */
export async function verify(ctx: BambooHrContext): Promise<VerifyResult> {
  const custom = await readCustomFieldsOrExplain(ctx);
  const customIds = custom.map((field) => field.id);
  // Departments and locations are linked through the lists: without them job links stay as stored.
  const listsReadable = (await readListIndexIfAllowed(ctx)) !== null;
  const probe = await customReport(ctx, [...Object.values(fieldsOfPermission).flat(), ...customIds], {
    changedSince: NO_ONE_CHANGED_SINCE,
  });
  const readableAll = (fields: readonly string[]) => fields.every((field) => probe.readable.has(field));
  const isGranted = (id: BambooHrPermissionId) =>
    id === "customFields" ? readableAll(customIds) : readableAll(fieldsOfPermission[id]) && (id !== "jobInfo" || listsReadable);
  const granted = bamboohrPermissions.filter((p) => isGranted(p.id)).map((p) => p.id);
  const missing = bamboohrPermissions.filter((p) => !isGranted(p.id)).map((p) => p.id);
  return { account: accountOf(ctx.credentials.companyDomain), granted, missing };
}

/** `meta/fields`, with a 404 explained: the gateway answers 404 for a company domain it does not know. */
async function readCustomFieldsOrExplain(ctx: BambooHrContext) {
  try {
    return await readCustomFields(ctx);
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 404) {
      throw new ConnectorError(
        "invalid_credentials",
        `BambooHR does not know the company domain "${ctx.credentials.companyDomain}" (${error.message})`,
        {
          status: 404,
          cause: error,
          hint: "Enter the part before .bamboohr.com in your BambooHR address (acme for https://acme.bamboohr.com).",
        },
      );
    }
    throw error;
  }
}
