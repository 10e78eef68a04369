import { CLI_VIA, createOrganisationWithOwner, findOrCreateUser, findUserByEmail, hashPassword } from "@roster/accounts";
import { emailField, newPasswordField, organisationNameField, personNameField } from "@roster/api/schemas";
import { openDatabase } from "../database";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { parseFlag } from "../options";
import type { Output } from "../output/output";
import { readSecretFiles } from "../secret-files";

export interface OrgCreateOptions {
  ownerEmail: string;
  ownerPasswordFile: string;
  ownerName?: string;
}

/**
 * `roster org create <name> --owner-email E --owner-password-file F`: a new organisation
 * with its first owner, as sign-up makes one. The owner's account is created with that
 * password (the sign-up rules apply), or, when the email already has an account, that
 * account becomes the owner and keeps its password. Audited as done by the command line.
 */
export async function orgCreateCommand(out: Output, rawName: string, options: OrgCreateOptions): Promise<ExitCodeValue> {
  const name = parseFlag("<name>", organisationNameField, rawName);
  const email = parseFlag("--owner-email", emailField, options.ownerEmail);
  const ownerName = parseFlag("--owner-name", personNameField, options.ownerName ?? email.split("@")[0]);
  const [password] = await readSecretFiles(out, [{ flag: "--owner-password-file", path: options.ownerPasswordFile }]);

  const db = await openDatabase();
  try {
    const existing = await findUserByEmail(db, email);
    // Checked before anything is written; an existing account's password is not touched.
    const passwordHash = existing
      ? ""
      : await hashPassword(parseFlag("--owner-password-file", newPasswordField, password, false));
    const created = await db.transaction().execute(async (trx) => {
      const owner = existing
        ? { id: existing.id, created: false }
        : await findOrCreateUser(trx, { email, name: ownerName, passwordHash });
      const organisationId = await createOrganisationWithOwner(trx, name, owner.id, {
        actorUserId: null,
        via: CLI_VIA,
        details: { owner: email },
      });
      return { organisationId, owner };
    });

    out.data({
      ok: true,
      organisationId: created.organisationId,
      name,
      owner: { userId: created.owner.id, email, created: created.owner.created },
    });
    out.line(`${out.c.green("✓")} Created organisation "${name}": ${out.c.bold(created.organisationId)}`);
    out.line(
      created.owner.created
        ? `  owner  ${email} (a new account; it signs in with the password from --owner-password-file)`
        : `  owner  ${email} (an existing account, now an owner of this organisation too; its password is unchanged)`,
    );
    return ExitCode.ok;
  } finally {
    await db.destroy();
  }
}
