import { z } from "zod";

/**
 * Marks a credential field as secret. Secret fields are encrypted at rest, shown as
 * password inputs, never sent back to the browser, and searched for in logs by the
 * contract suite.
 *
 * @example credentials: z.object({ accessToken: secret(z.string().min(10)) })
 */
const secretRegistry = z.registry<{ secret: true }>();

export function secret<T extends z.ZodType>(schema: T): T {
  secretRegistry.add(schema, { secret: true });
  return schema;
}

/** The schema an optional(), default(), nullable()… wrapper was made from, or undefined. */
function wrapped(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  return ["optional", "default", "prefault", "nullable", "readonly"].includes(def.type) ? def.innerType : undefined;
}

/** True for a secret() field, also once wrapped: `secret(z.string()).optional()` is still secret. */
export function isSecretSchema(schema: z.ZodType): boolean {
  for (let current: z.ZodType | undefined = schema; current; current = wrapped(current)) {
    if (secretRegistry.has(current)) return true;
  }
  return false;
}

/** Names of the secret fields of a credentials object schema. */
export function secretFieldNames(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => isSecretSchema(field))
    .map(([name]) => name);
}

/** The secret values inside a credentials object, for redaction and leak checks. */
export function secretValues(schema: z.ZodType, credentials: Record<string, unknown>): string[] {
  return secretFieldNames(schema)
    .map((name) => credentials[name])
    .filter((value): value is string => typeof value === "string" && value.length > 0);
}
