import { Command, CommanderError, Option } from "commander";
import { FAULT_FLAGS, flagDescription, QUIRK_FLAGS } from "./commands/simulate-flags";
import { simulateHelp } from "./commands/simulate-help";
import { ExitCode, exitCodeHelp } from "./exit-codes";
import { collectField } from "./options";
import { runAction } from "./run-action";

// Program wiring only: each command's behaviour lives in src/commands/<name>.ts.
const program = new Command("roster")
  .description("Roster from the command line: set-up (migrate, org, connect, rotate), verification, syncs and simulators.")
  .option("--no-color", "plain output (also: NO_COLOR=1)")
  .addHelpText(
    "after",
    `\n${exitCodeHelp}\n\nThe database is DATABASE_URL, or the running \`pnpm start\` sandbox (.data/runtime.json).`,
  )
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

const json = () => new Option("--json", "machine-readable output on stdout");

program
  .command("connectors")
  .description("list installed connectors, their permissions and credential fields")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/connectors")).connectorsCommand));

program
  .command("verify")
  .description("check credentials against a provider: account and permissions checklist")
  .argument("<connector>", "connector id, e.g. zenefits")
  .option("--token-file <file>", 'file holding the token (the access token; Lever: the API key); "-" reads stdin')
  .option("--secret-file <field=file>", "another secret credential field, from a file; repeatable", collectField, [])
  .option("--base-url <url>", "the provider's API base URL (e.g. a simulator's)")
  .option("--field <key=value>", "any other, non-secret, credential field; repeatable", collectField, [])
  .option("--strict", "exit 1 when any permission is missing")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/verify")).verifyCommand));

program
  .command("migrate")
  .description("apply pending database migrations (safe to run again: says when there is nothing to do)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/migrate")).migrateCommand));

const org = program.command("org").description("organisations");
org
  .command("create")
  .description("create an organisation with its first owner; prints its id")
  .argument("<name>", "the organisation's name")
  .requiredOption("--owner-email <email>", "the owner's email: a new account, or an existing one made owner")
  .requiredOption(
    "--owner-password-file <file>",
    'file holding the new account\'s password (unused for an existing account); "-" reads stdin',
  )
  .option("--owner-name <name>", "the new account's name (default: the email's local part)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/org-create")).orgCreateCommand));

const connect = program.command("connect").description("connect a provider: verify, store encrypted, queue the first sync");
connect
  .command("zenefits")
  .description("connect Zenefits; prints the connection id and the permissions checklist")
  .requiredOption("--org <id>", "the organisation's id (roster org create prints it)")
  .requiredOption("--token-file <file>", 'file holding the Zenefits access token; "-" reads stdin')
  .requiredOption("--notify <email>", "where failure emails go, besides the owners")
  .option("--base-url <url>", "the Zenefits API base URL (default: ZENEFITS_BASE_URL, else Zenefits' own)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/connect-zenefits")).connectZenefitsCommand));
connect
  .command("lever")
  .description("connect Lever (hires exported to Zenefits); prints the connection id and the webhook URL")
  .requiredOption("--org <id>", "the organisation's id")
  .requiredOption("--api-key-file <file>", 'file holding the Lever API key; "-" reads stdin')
  .requiredOption("--signing-token-file <file>", "file holding Lever's webhook signing token")
  .requiredOption("--zenefits-company-id <id>", "the Zenefits company that receives the hires")
  .requiredOption("--zenefits-secret-file <file>", "file holding the Zenefits client secret")
  .requiredOption("--contact <email>", "the member emailed when an export fails")
  .addOption(new Option("--offers <mode>", "who runs the offer process").choices(["zenefits", "lever"]).default("lever"))
  .option("--lever-base-url <url>", "the Lever API base URL, with /v1 (default: LEVER_BASE_URL, else Lever's own)")
  .option("--zenefits-base-url <url>", "the Zenefits API base URL (default: ZENEFITS_BASE_URL, else Zenefits' own)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/connect-lever")).connectLeverCommand));

// Any other installed HRIS, from its own credential fields: \`roster connect bamboohr …\`.
connect
  .command("hris", { isDefault: true })
  .description("connect any installed HRIS by its id (also: roster connect <connector> …); `roster connectors` lists its fields")
  .argument("<connector>", "connector id, e.g. bamboohr")
  .requiredOption("--org <id>", "the organisation's id (roster org create prints it)")
  .requiredOption("--notify <email>", "where failure emails go, besides the owners")
  .option("--token-file <file>", 'file holding the connector\'s token (its one required secret); "-" reads stdin')
  .option("--secret-file <field=file>", "another secret credential field, from a file; repeatable", collectField, [])
  .option("--field <key=value>", "any other, non-secret, credential field; repeatable", collectField, [])
  .option("--base-url <url>", "the provider's API base URL (default: <CONNECTOR>_BASE_URL, else the provider's own)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/connect")).connectCommand));

program
  .command("rotate")
  .description("replace a connection's token in place, once verified; asks before giving up permissions")
  .argument("<connectionId>", "the connection's id")
  .requiredOption("--token-file <file>", 'file holding the new token; "-" reads stdin')
  .option("--base-url <url>", "point the connection at another API base URL too (default: keep its current one)")
  .option("--yes", "use a token with fewer permissions without asking")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/rotate")).rotateCommand));

program
  .command("connections")
  .description("list connections (their ids are what sync and runs take)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/connections")).connectionsCommand));

program
  .command("sync")
  .description("sync a connection now, in this process, with live progress (Ctrl-C stops; the run stays resumable)")
  .argument("<connectionId>", "the connection's id (see roster connections)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/sync")).syncCommand));

program
  .command("runs")
  .description("sync history of a connection, with the errors of failed runs")
  .argument("<connectionId>", "the connection's id")
  .option("--limit <n>", "how many runs, newest first", "10")
  .option("--errors", "show the recorded errors of every run, not only failed ones")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/runs")).runsCommand));

const simulate = program
  .command("simulate")
  .description("run a provider simulator on localhost until Ctrl-C")
  .argument("<provider>", "zenefits or lever")
  .option("--people <n>", "zenefits: people per company")
  .option("--opportunities <n>", "lever: opportunities")
  .option("--port <port>", "port to listen on (0: any free port)", "0")
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--seed <seed>", "seed of the generated data")
  .option("--sandbox", "the demo's fixed token and data");
for (const spec of [...FAULT_FLAGS, ...QUIRK_FLAGS]) simulate.option(spec.flags, flagDescription(spec));
simulate
  .addOption(json())
  .addHelpText("after", simulateHelp)
  .action(runAction(async () => (await import("./commands/simulate")).simulateCommand));

program
  .command("new-connector")
  .description("scaffold connectors/<name>: a package that passes the contract suite from the start")
  .argument("<name>", "lower-case kebab-case name, e.g. bamboo-hr")
  .option("--dir <path>", "create <name>/ in this folder instead of connectors/")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/new-connector")).newConnectorCommand));

const apiKey = program.command("api-key").description("keys of the public API (/api/v1): create, list, revoke");

apiKey
  .command("create")
  .description("create a key and print it, once (Roster keeps only its hash)")
  .requiredOption("--org <id>", "the organisation's id")
  .requiredOption("--name <name>", "what will use the key")
  .option(
    "--scopes <list>",
    "comma-separated: directory:read, sensitive:read, connections:read, connections:manage, webhooks:manage",
    "directory:read",
  )
  .addOption(json())
  .action(runAction(async () => (await import("./commands/api-keys")).apiKeyCreateCommand));

apiKey
  .command("list")
  .description("an organisation's keys: prefix, scopes, last use")
  .requiredOption("--org <id>", "the organisation's id")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/api-keys")).apiKeyListCommand));

apiKey
  .command("revoke")
  .description("revoke a key: refused from its next request on")
  .argument("<keyId>", "the key's id (see roster api-key list)")
  .requiredOption("--org <id>", "the organisation's id")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/api-keys")).apiKeyRevokeCommand));

const platformKey = program
  .command("platform-key")
  .description("deployment-level keys of the public API, acting on any organisation named in Roster-Organisation");

platformKey
  .command("create")
  .description("create a platform key and print it, once (Roster keeps only its hash)")
  .requiredOption("--name <name>", "what will use the key (e.g. the product that embeds Roster)")
  .option(
    "--scopes <list>",
    "comma-separated: directory:read, sensitive:read, connections:read, connections:manage, webhooks:manage (default: all)",
  )
  .addOption(json())
  .action(runAction(async () => (await import("./commands/platform-keys")).platformKeyCreateCommand));

platformKey
  .command("list")
  .description("the deployment's platform keys: prefix, scopes, last use")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/platform-keys")).platformKeyListCommand));

platformKey
  .command("revoke")
  .description("revoke a platform key: refused from its next request on")
  .argument("<keyId>", "the key's id (see roster platform-key list)")
  .addOption(json())
  .action(runAction(async () => (await import("./commands/platform-keys")).platformKeyRevokeCommand));

program
  .command("rotate-encryption-key")
  .description("re-encrypt every stored credential from ENCRYPTION_KEY to a new key, in one transaction")
  .requiredOption("--new-key-file <file>", 'file holding the new key (openssl rand -base64 32); "-" reads stdin')
  .addOption(json())
  .action(runAction(async () => (await import("./commands/rotate-encryption-key")).rotateEncryptionKeyCommand));

// Long-running: not through runAction, which exits when its command returns.
const serve = program
  .command("serve")
  .description("run a production process: the API (with the built dashboard) or a worker; stops cleanly on SIGTERM");
serve
  .command("api")
  .description("the API on API_PORT, serving the built dashboard on the same origin, /readyz and /metrics")
  .action(async () => {
    const { serveApi, exitOnStartFailure } = await import("@roster/api");
    await serveApi({ production: true, entryUrl: import.meta.url }).catch(exitOnStartFailure);
  });
serve
  .command("worker")
  .description("a job runner with WORKER_CONCURRENCY slots; /healthz, /readyz and /metrics on WORKER_HTTP_PORT")
  .action(async () => {
    const { serveWorker, exitOnStartFailure } = await import("@roster/worker");
    await serveWorker({ production: true }).catch(exitOnStartFailure);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its message (or the help); only the exit code is left.
  if (error instanceof CommanderError) {
    const fine = ["commander.helpDisplayed", "commander.version"].includes(error.code) || error.exitCode === 0;
    process.exit(fine ? ExitCode.ok : ExitCode.usage);
  }
  throw error;
}
