import { z } from "zod";

/**
 * Marks a credential field as secret. Secret fields are encrypted at rest, shown as
 * password inputs, never sent back to the browser, and searched for in logs by the
 * contract suite.
 *
 * Apply .meta() (labels) before secret(): meta makes a new schema, which would not be marked.
 *
 * @example credentials: z.object({ accessToken: secret(z.string().min(10).meta({ title: "Access token" })) })
 */
const secretRegistry = z.registry<{ secret: true }>();

export function secret<T extends z.ZodType>(schema: T): T {
  secretRegistry.add(schema, { secret: true });
  return schema;
}

/** A secret field stays secret when made optional, nullable or given a default. */
export function isSecretSchema(schema: z.ZodType): boolean {
  return secretRegistry.has(schema) || (isWrapper(schema) && isSecretSchema(schema.unwrap() as z.ZodType));
}

function isWrapper(schema: z.ZodType): schema is z.ZodOptional | z.ZodNullable | z.ZodDefault {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault;
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
