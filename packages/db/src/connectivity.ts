import pg from "pg";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** Describes a connection failure in words an operator can act on. */
function explain(url: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const where = redactUrl(url);
  switch (code) {
    case "ECONNREFUSED":
      return `Nothing is listening at ${where}: is PostgreSQL running, and is the port right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The host of ${where} cannot be resolved: check the host name in DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the credentials for ${where}: check the user and password in DATABASE_URL.`;
    case "3D000":
      return `The database in ${where} does not exist: create it, or point DATABASE_URL at one that does.`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return `Connecting to ${where} timed out: check the host, port and firewall.`;
    default:
      return `Cannot connect to ${where}: ${(error as Error).message}`;
  }
}

/** The URL without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparseable DATABASE_URL)";
  }
}

/** Fails fast (within timeoutMs) with a clear message instead of hanging or dumping a stack. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5_000): Promise<void> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  } catch (error) {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid PostgreSQL URL: ${(error as Error).message}`);
  }
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const timedOut = /timeout/i.test((error as Error).message);
    throw new DatabaseUnavailableError(explain(url, timedOut ? { code: "CONNECT_TIMEOUT" } : error));
  } finally {
    await client.end().catch(() => {});
  }
}
