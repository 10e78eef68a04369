import { type Connector, describeCredentials, isSecretSchema, secretFieldNames } from "@roster/core";
import { z } from "zod";
import { usageError } from "./exit-codes";
import type { Output } from "./output/output";

export interface CredentialField {
  name: string;
  secret: boolean;
  required: boolean;
  type: string;
  default?: unknown;
  description?: string;
}

type Def = { type: string; innerType?: z.ZodType; defaultValue?: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The base type under optional/default/nullable wrappers, and the default if one is set. */
function unwrap(schema: z.ZodType): { type: string; default?: unknown } {
  let def = defOf(schema);
  let fallback: unknown;
  while (def.innerType && ["optional", "default", "prefault", "nullable", "readonly"].includes(def.type)) {
    if (def.type === "default") fallback = def.defaultValue;
    def = defOf(def.innerType);
  }
  return fallback === undefined ? { type: def.type } : { type: def.type, default: fallback };
}

function shapeOf(connector: Connector): Record<string, z.ZodType> | null {
  const schema = connector.manifest.credentials;
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/** The credential fields a connector asks for, from its zod schema. */
export function credentialFields(connector: Connector): CredentialField[] {
  const shape = shapeOf(connector);
  if (!shape) return [];
  return Object.entries(shape).map(([name, field]) => ({
    name,
    secret: isSecretSchema(field),
    required: !field.safeParse(undefined).success,
    ...unwrap(field),
    ...(field.description ? { description: field.description } : {}),
  }));
}

/**
 * The secret field `--token-file` fills: the connector's one required secret (Zenefits'
 * access token, Lever's API key), or its only secret. Null when that is ambiguous.
 */
export function tokenField(connector: Connector): string | null {
  const secrets = credentialFields(connector).filter((f) => f.secret);
  const required = secrets.filter((f) => f.required);
  if (required.length === 1) return required[0]!.name;
  return secrets.length === 1 ? secrets[0]!.name : null;
}

export interface CredentialFlags {
  /** The token, already read from --token-file. */
  token?: string;
  /** Other secret fields, already read from --secret-file name=path. */
  secrets?: Record<string, string>;
  baseUrl?: string;
  field: string[];
}

/**
 * Builds a credentials object from flags: --token-file fills the connector's token field,
 * --secret-file any other secret, --base-url its `baseUrl`, and --field key=value the
 * non-secret rest (a secret there is refused: argv is visible to `ps` and shell history).
 * `defaults` (the deployment's, e.g. ZENEFITS_BASE_URL) fill what the flags leave out.
 * Validated with the connector's own schema; a bad field is a usage error naming the field
 * and its flag, never its value.
 */
export function buildCredentials(
  connector: Connector,
  flags: CredentialFlags,
  out: Output,
  defaults: Record<string, unknown> = {},
): Record<string, unknown> {
  const shape = shapeOf(connector) ?? {};
  const names = Object.keys(shape);
  const secrets = secretFieldNames(connector.manifest.credentials);
  const credentials: Record<string, unknown> = { ...defaults };
  const flagOf: Record<string, string> = {};
  const id = connector.manifest.id;
  const token = tokenField(connector);

  if (flags.token !== undefined) {
    if (!token) {
      throw usageError(
        `${id} has ${secrets.length} secret fields (${secrets.join(", ") || "none"}), so --token-file is ambiguous`,
        "Give each with --secret-file name=<file>.",
      );
    }
    credentials[token] = flags.token;
    flagOf[token] = "--token-file";
  }
  for (const [key, value] of Object.entries(flags.secrets ?? {})) {
    if (!secrets.includes(key)) {
      throw usageError(
        `--secret-file ${key}: ${id} has no secret field "${key}" (its secret fields: ${secrets.join(", ") || "none"})`,
      );
    }
    credentials[key] = value;
    flagOf[key] = `--secret-file ${key}=…`;
  }
  if (flags.baseUrl !== undefined) {
    if (!names.includes("baseUrl")) throw usageError(`${id} has no baseUrl credential (its fields: ${names.join(", ")})`);
    credentials.baseUrl = flags.baseUrl;
    flagOf.baseUrl = "--base-url";
  }
  for (const pair of flags.field) {
    const at = pair.indexOf("=");
    const key = at > 0 ? pair.slice(0, at) : "";
    if (!key) throw usageError(`--field expects key=value (got "${at < 0 ? pair : `${pair.slice(0, at)}=…`}")`);
    const value = pair.slice(at + 1);
    if (!names.includes(key)) throw usageError(`${id} has no credential field "${key}" (its fields: ${names.join(", ")})`);
    if (secrets.includes(key)) {
      out.addSecret(value);
      throw usageError(
        `${key} is a secret: it cannot be given with --field, where \`ps\` and shell history would keep it.`,
        `Put it alone in a file and pass ${key === token ? "--token-file <file>" : `--secret-file ${key}=<file>`} ("-" reads standard input).`,
      );
    }
    const { type } = unwrap(shape[key]!);
    credentials[key] = type === "number" ? Number(value) : type === "boolean" ? value === "true" : value;
    flagOf[key] = `--field ${key}=…`;
  }
  if (token && credentials[token] === undefined) {
    throw usageError(`${connector.manifest.name} needs its ${token}: pass --token-file <file> ("-" reads standard input).`);
  }

  const parsed = connector.manifest.credentials.safeParse(credentials);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "credentials"), message: i.message }));
  // The credentials are sent to a URL field's address: only over http(s), as the dashboard insists too.
  for (const field of describeCredentials(connector.manifest.credentials)) {
    const value = credentials[field.name];
    const named = issues.some((i) => i.field === field.name);
    if (field.kind === "url" && !named && typeof value === "string" && !/^https?:\/\//i.test(value)) {
      issues.push({ field: field.name, message: "an http:// or https:// URL" });
    }
  }
  if (parsed.success && issues.length === 0) return parsed.data as Record<string, unknown>;
  const lines = issues.map(({ field, message }) => {
    const flag =
      flagOf[field] ??
      (field === token
        ? "--token-file"
        : secrets.includes(field)
          ? `--secret-file ${field}=…`
          : field === "baseUrl"
            ? "--base-url"
            : `--field ${field}=…`);
    return `  ${field} (${flag}): ${message}`;
  });
  throw usageError(
    `${connector.manifest.name} credentials are not valid:\n${lines.join("\n")}`,
    `See \`roster connectors\` for ${id}'s fields.`,
  );
}
