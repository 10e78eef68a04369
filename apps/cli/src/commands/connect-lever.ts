import { type LeverSetupCheck, leverCredentialsSchema, verifyLeverSetup } from "@roster/api/lever-setup";
import { emailField, leverCredentialsInput, offersModeField } from "@roster/api/schemas";
import { findLeverConnection, mergeLeverCredentials, saveLeverSetup, storedLeverCredentials } from "@roster/connections";
import type { Db } from "@roster/db";
import { apiPublicBaseUrl, hireWebhookUrl } from "@roster/hire-export";
import { config } from "../config";
import { fromConnectionError } from "../connection-errors";
import { cliActor, cliConnectionDeps, QUICK_VERIFY } from "../connection-service";
import { openDatabase, resolveEncryptionKey } from "../database";
import { CliError, ExitCode, type ExitCodeValue, notFound, usageError } from "../exit-codes";
import { parseBaseUrl, parseFlag, parseOrganisationId } from "../options";
import { organisationById } from "../organisation-lookup";
import type { Output } from "../output/output";
import { readSecretFiles } from "../secret-files";

export interface ConnectLeverOptions {
  org: string;
  apiKeyFile: string;
  signingTokenFile: string;
  zenefitsCompanyId: string;
  zenefitsSecretFile: string;
  contact: string;
  offers: string;
  leverBaseUrl?: string;
  zenefitsBaseUrl?: string;
}

const flagOf: Record<string, string> = {
  apiKey: "--api-key-file",
  webhookSigningToken: "--signing-token-file",
  zenefitsCompanyId: "--zenefits-company-id",
  zenefitsClientSecret: "--zenefits-secret-file",
  baseUrl: "--lever-base-url",
  zenefitsBaseUrl: "--zenefits-base-url",
};

/** The member emailed when an export fails, by email; exit 3 when not a member of the organisation. */
async function contactUserId(db: Db, organisation: { id: string; name: string }, email: string): Promise<string> {
  const member = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("users.id")
    .where("memberships.organisation_id", "=", organisation.id)
    .where("users.email", "=", email)
    .executeTakeFirst();
  if (!member) {
    throw notFound(
      `--contact: ${email} is not a member of ${organisation.name}.`,
      "Choose a member of the organisation (its owner, for example), or invite them from the dashboard first.",
    );
  }
  return member.id;
}

function printCheck(out: Output, side: string, check: LeverSetupCheck["lever"]): void {
  const { c } = out;
  const text = check.ok
    ? `${c.green("✓")} verified${check.warning ? ` ${c.yellow(`(${check.warning})`)}` : ""}`
    : `${c.red("✗")} ${check.error}`;
  out.line(`  ${side.padEnd(9)} ${text}`);
}

/**
 * `roster connect lever …`: Settings → Integrations → Lever, Verify then Save, from a terminal.
 * Both sides are verified for real first (the Lever key's permissions, the Zenefits ATS
 * channel); only then is the setup stored, encrypted, with exports on. An organisation that
 * already has a Lever connection gets it updated in place (same id, same history), as Save
 * does. Prints the connection id and the webhook URL to paste into Lever.
 */
export async function connectLeverCommand(out: Output, options: ConnectLeverOptions): Promise<ExitCodeValue> {
  const organisationId = parseOrganisationId(options.org);
  const contactEmail = parseFlag("--contact", emailField, options.contact);
  const offersMode = parseFlag("--offers", offersModeField, options.offers);
  const leverBaseUrl = parseBaseUrl("--lever-base-url", options.leverBaseUrl);
  const zenefitsBaseUrl = parseBaseUrl("--zenefits-base-url", options.zenefitsBaseUrl);
  const [apiKey, webhookSigningToken, zenefitsClientSecret] = await readSecretFiles(out, [
    { flag: "--api-key-file", path: options.apiKeyFile },
    { flag: "--signing-token-file", path: options.signingTokenFile },
    { flag: "--zenefits-secret-file", path: options.zenefitsSecretFile },
  ]);
  const shapes = leverCredentialsInput.safeParse({
    apiKey,
    webhookSigningToken,
    zenefitsCompanyId: options.zenefitsCompanyId,
    zenefitsClientSecret,
  });
  if (!shapes.success) {
    const lines = shapes.error.issues.map((i) => `  ${flagOf[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    throw usageError(`Some values are not valid:\n${lines.join("\n")}`);
  }
  const entered = { ...shapes.data, baseUrl: leverBaseUrl, zenefitsBaseUrl };
  const settings = config();
  const encryptionKey = resolveEncryptionKey();

  const db = await openDatabase();
  try {
    const organisation = await organisationById(db, organisationId);
    const contact = await contactUserId(db, organisation, contactEmail);
    const deps = cliConnectionDeps(out, db, encryptionKey);
    const existing = await findLeverConnection(deps, organisation.id);
    const credentials = mergeLeverCredentials(deps, storedLeverCredentials(deps, existing), entered);
    const checks = await verifyLeverSetup({ credentials, log: deps.log, http: QUICK_VERIFY });
    if (!checks.lever.ok || !checks.zenefits.ok) {
      const failed = [
        ...(checks.lever.ok ? [] : [`Lever: ${checks.lever.error}`]),
        ...(checks.zenefits.ok ? [] : [`Zenefits: ${checks.zenefits.error}`]),
      ];
      throw new CliError(ExitCode.failed, `Verification failed, nothing was saved.\n  ${failed.join("\n  ")}`, {
        kind: "verify_failed",
        hint: "Fix the values named above (the key's permissions in Lever, the company ID and client secret in Zenefits) and run the command again.",
        data: { checks },
      });
    }
    const saved = await saveLeverSetup(
      deps,
      cliActor(organisation.id),
      { settings: { enabled: true, contactUserId: contact, offersMode }, credentials: entered },
      { credentialsSchema: leverCredentialsSchema },
    ).catch((error: unknown) => {
      throw fromConnectionError(error, flagOf);
    });
    const webhookUrl = hireWebhookUrl(
      apiPublicBaseUrl({ apiPublicUrl: settings.API_PUBLIC_URL, apiPort: settings.API_PORT }),
      "lever",
      saved.connectionId,
    );

    out.data({
      ok: true,
      connectionId: saved.connectionId,
      organisationId: organisation.id,
      connector: "lever",
      created: saved.created,
      webhookUrl,
      checks,
      settings: { enabled: true, contact: contactEmail, offersMode },
      firstSync: saved.created ? "queued" : null,
    });
    const { c } = out;
    out.line(
      `${c.green("✓")} ${saved.created ? "Connected Lever" : "Updated the Lever setup"} for ${c.bold(organisation.name)}: ${c.bold(saved.connectionId)}`,
    );
    printCheck(out, "Lever", checks.lever);
    printCheck(out, "Zenefits", checks.zenefits);
    out.line(`  contact   ${contactEmail} (emailed when an export fails)`);
    out.line(
      `  offers    ${offersMode === "zenefits" ? "handled in Zenefits (Send to Zenefits on Offer-stage candidates)" : "handled in Lever"}`,
    );
    out.line(`  webhook   ${c.bold(webhookUrl)}`);
    out.line();
    out.line(
      "In Lever, open Settings → Integrations and API → Webhooks, turn on Candidate Hired, and paste the webhook URL. " +
        "The webhook signing token is on the same page.",
    );
    if (saved.created)
      out.line(
        `The first sync of the candidates is queued for the worker; \`roster sync ${saved.connectionId}\` runs it here and now.`,
      );
    return ExitCode.ok;
  } finally {
    await db.destroy();
  }
}
