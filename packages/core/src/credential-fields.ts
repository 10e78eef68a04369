import { z } from "zod";
import { isSecretSchema } from "./secret";

/** Labels a connector gives a credential field: `z.string().meta({ title, description, ... })`. */
export interface CredentialFieldMeta {
  title?: string;
  description?: string;
  placeholder?: string;
  /** Shown folded under "Advanced": only for unusual setups (another base URL). */
  advanced?: boolean;
}

/** One credential field as a form renders it, from the connector's own schema. */
export interface CredentialField {
  name: string;
  label: string;
  description: string | null;
  placeholder: string | null;
  /** A password input; never sent back to the browser, blank on rotate keeps the stored value. */
  secret: boolean;
  /** May be left blank (optional, or a default applies). */
  optional: boolean;
  advanced: boolean;
  kind: "text" | "url" | "email";
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
    optional = true;
    inner = inner.unwrap() as z.ZodType;
  }
  return { inner, optional };
}

/** Metadata may sit on the wrapper (`.optional().meta()`) or the inner schema (`.meta().optional()`). */
function metaOf(schema: z.ZodType, inner: z.ZodType): CredentialFieldMeta {
  return {
    ...(z.globalRegistry.get(inner) as CredentialFieldMeta | undefined),
    ...(z.globalRegistry.get(schema) as CredentialFieldMeta | undefined),
  };
}

const humanize = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The fields of a credentials object schema, as the dashboard's connect form and the CLI show
 * them: label and help from `.meta()`, secret from secret(), optional, advanced and the input
 * kind (a URL, an email) from the schema itself.
 */
export function describeCredentials(schema: z.ZodType): CredentialField[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { inner, optional } = unwrap(field);
    const meta = metaOf(field, inner);
    const format = (inner as { format?: string | null }).format ?? null;
    return {
      name,
      label: meta.title ?? humanize(name),
      description: meta.description ?? null,
      placeholder: meta.placeholder ?? null,
      secret: isSecretSchema(field),
      optional,
      advanced: meta.advanced === true,
      kind: format === "url" ? "url" : format === "email" ? "email" : "text",
    };
  });
}
