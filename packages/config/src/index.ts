import { z } from "zod";
import { ConfigError } from "./config-error";

/**
 * Every setting Roster reads from the environment, validated once at start.
 * A bad value fails with a message naming the variable and what it expects,
 * instead of surfacing later as a confusing runtime error.
 */
const boolish = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** External PostgreSQL. When unset, an embedded PostgreSQL is started. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data for `pnpm start`. */
  ROSTER_DATA_DIR: z.string().min(1).default(".data"),
  API_PORT: port.default(3001),
  WEB_PORT: port.default(5173),
  /** The API's public base URL, where providers reach its webhooks. Default: http://localhost:API_PORT. */
  API_PUBLIC_URL: z.string().url().optional(),
  /** Public URL of the dashboard, used in email links. */
  PUBLIC_URL: z.string().url().default("http://localhost:5173"),
  /** 32 bytes, base64: encrypts connection credentials at rest (AES-256-GCM). */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "32 random bytes encoded as base64 (openssl rand -base64 32)")
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Roster <roster@localhost>"),
  SYNC_INTERVAL_HOURS: z.coerce.number().positive().default(24),
  RETRY_INTERVAL_MINUTES: z.coerce.number().positive().default(60),
  MAX_CONSECUTIVE_FAILURES: z.coerce.number().int().min(1).default(3),
  /** How often a worker writes its heartbeat, and after how long without one it counts as dead. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().positive().default(10),
  WORKER_STALE_SECONDS: z.coerce.number().positive().default(60),
  /**
   * Lever's rate limit per API key, shared by a connection's parallel exports (bursts of twice
   * as many). Lever documents 10/s; raise it only if Lever granted your key more.
   */
  LEVER_REQUESTS_PER_SECOND: z.coerce.number().positive().default(10),
  /** Requests a minute each public API key may make (per API process; bursts up to as many). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Starts the provider simulators and seeds a demo organisation. */
  SANDBOX: boolish.default(false),
  /**
   * Who may create an account without an invite. Unset: `open` in sandbox, `invite-only`
   * otherwise (the first owner then comes from `roster org create`).
   */
  SIGNUP: z.enum(["invite-only", "open"]).optional(),
  /** Jobs one worker process runs at once (syncs, emails, deliveries). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** The worker's own HTTP port: /healthz, /readyz and /metrics (0: any free port). */
  WORKER_HTTP_PORT: port.default(9091),
  /** The built dashboard (`vite build` output) the API serves. Unset: apps/web/dist beside the built API. */
  DASHBOARD_DIR: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Variables whose values may hold secrets: never echoed in an error message. */
const SECRET_VARIABLES = new Set(["ENCRYPTION_KEY", "DATABASE_URL", "SMTP_URL"]);

export { ConfigError } from "./config-error";

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as most deploy tools write them for blank fields.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const got =
      cleaned[name] === undefined
        ? "it is not set"
        : SECRET_VARIABLES.has(name)
          ? "the value given is hidden"
          : `got ${JSON.stringify(cleaned[name])}`;
    return `  ${name}: expected ${issue.message} (${got})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** `ZENEFITS_BASE_URL` → `zenefits`, `ACME_HR_BASE_URL` → `acme-hr`: a connector's deployment-wide API base URL. */
const BASE_URL_VARIABLE = /^([A-Z][A-Z0-9_]*)_BASE_URL$/;

/**
 * Every `<CONNECTOR>_BASE_URL` in the environment, by connector id: the provider URL new
 * connections of that connector use when the form or the CLI gives none (a regional or staging
 * endpoint, a replay server). Any connector gets one without a change here. Throws a
 * ConfigError naming the variable when a value is not an http(s) URL.
 */
export function loadConnectorBaseUrls(env: Record<string, string | undefined> = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  const bad: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    const match = BASE_URL_VARIABLE.exec(name);
    if (!match?.[1] || value === undefined || value === "") continue;
    if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) {
      // Not echoed: a URL may carry credentials in its user part.
      bad.push(`  ${name}: expected an http:// or https:// URL (the value given is not one)`);
      continue;
    }
    urls[match[1].toLowerCase().replaceAll("_", "-")] = value;
  }
  if (bad.length > 0) throw new ConfigError(`Invalid configuration:\n${bad.join("\n")}`);
  return urls;
}
export { assertProductionEnvironment, PRODUCTION_REQUIRED_VARIABLES, signupPolicy } from "./production";
export { requireSupportedNode, SUPPORTED_NODE_MAJOR, unsupportedNodeMessage } from "./supported-node";
