import { type Connector, isSecretSchema, secretFieldNames } from "@roster/core";
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

export interface CredentialFlags {
  token?: string;
  baseUrl?: string;
  field: string[];
}

/**
 * Builds a credentials object from flags: --token fills the connector's secret field,
 * --base-url its `baseUrl`, and --field key=value anything else. Validated with the
 * connector's own schema; a bad field is a usage error naming the field and its flag,
 * never its value.
 */
export function buildCredentials(connector: Connector, flags: CredentialFlags, out: Output): Record<string, unknown> {
  const shape = shapeOf(connector) ?? {};
  const names = Object.keys(shape);
  const secrets = secretFieldNames(connector.manifest.credentials);
  const credentials: Record<string, unknown> = {};
  const flagOf: Record<string, string> = {};
  const id = connector.manifest.id;

  if (flags.token !== undefined) {
    out.addSecret(flags.token);
    if (secrets.length !== 1) {
      throw usageError(
        `${id} has ${secrets.length} secret fields (${secrets.join(", ") || "none"}), so --token is ambiguous`,
        "Give each with --field name=value.",
      );
    }
    credentials[secrets[0]!] = flags.token;
    flagOf[secrets[0]!] = "--token";
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
    if (secrets.includes(key)) out.addSecret(value);
    const { type } = unwrap(shape[key]!);
    credentials[key] = type === "number" ? Number(value) : type === "boolean" ? value === "true" : value;
    flagOf[key] = `--field ${key}=…`;
  }

  const parsed = connector.manifest.credentials.safeParse(credentials);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const lines = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "credentials");
    const flag = flagOf[field] ?? (field === secrets[0] ? "--token" : field === "baseUrl" ? "--base-url" : `--field ${field}=…`);
    return `  ${field} (${flag}): ${issue.message}`;
  });
  throw usageError(
    `${connector.manifest.name} credentials are not valid:\n${lines.join("\n")}`,
    `See \`roster connectors\` for ${id}'s fields.`,
  );
}
