import { notificationEmailField } from "@roster/api/schemas";
import { z } from "zod";
import { TextField } from "../components/text-field";
import type { RouterOutputs } from "../trpc";

export type ConnectorDescription = RouterOutputs["connectors"]["list"][number];
export type CredentialField = ConnectorDescription["credentialFields"][number];

type FieldProps = {
  id: string;
  name: string;
  value: string;
  error?: string | undefined;
  onChange: (event: { target: { value: string } }) => void;
};

/**
 * The form's schema, from the connector's credential fields: a required field must not be
 * blank (connect); on rotate every field may be blank, which keeps the stored value. The
 * connector's own schema and the provider decide the rest, on the server.
 */
export function credentialsFormSchema(fields: readonly CredentialField[], mode: "connect" | "rotate", withEmail: boolean) {
  const shape: Record<string, z.ZodType<string, string>> = Object.fromEntries(
    fields.map((f) => [
      f.name,
      mode === "rotate" || f.optional ? z.string().trim() : z.string().trim().min(1, `Enter the ${f.label.toLowerCase()}`),
    ]),
  );
  if (withEmail) shape.notificationEmail = notificationEmailField;
  return z.object(shape);
}

export function emptyCredentials(fields: readonly CredentialField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, ""]));
}

/** The credentials without blank values: blank means "not given" (rotate: keep the stored one). */
export function givenCredentials(values: Record<string, string>, fields: readonly CredentialField[]): Record<string, string> {
  return Object.fromEntries(fields.flatMap((f) => (values[f.name]?.trim() ? [[f.name, values[f.name]!.trim()]] : [])));
}

function CredentialInput({
  field,
  props,
  disabled,
  mode,
}: {
  field: CredentialField;
  props: FieldProps;
  disabled: boolean;
  mode: "connect" | "rotate";
}) {
  const keep =
    mode === "rotate" ? (field.secret ? "Leave blank to keep the current one." : "Leave blank to keep it as it is.") : "";
  const hint = [field.description, keep].filter(Boolean).join(" ");
  return (
    <TextField
      label={mode === "rotate" && field.secret ? `New ${field.label.toLowerCase()}` : field.label}
      type={field.secret ? "password" : field.kind === "url" ? "url" : field.kind === "email" ? "email" : "text"}
      autoComplete="off"
      spellCheck={false}
      placeholder={field.placeholder ?? (field.advanced ? "Leave blank for the default" : undefined)}
      disabled={disabled}
      {...(hint ? { hint } : {})}
      {...props}
    />
  );
}

/**
 * A connector's credential fields as its manifest describes them: secrets as password inputs,
 * unusual ones (another API address) folded under "Advanced".
 */
export function CredentialInputs({
  fields,
  field,
  disabled,
  mode,
}: {
  fields: readonly CredentialField[];
  field: (name: string) => FieldProps;
  disabled: boolean;
  mode: "connect" | "rotate";
}) {
  const main = fields.filter((f) => !f.advanced);
  const advanced = fields.filter((f) => f.advanced);
  const openAdvanced = advanced.some((f) => field(f.name).value !== "" || field(f.name).error !== undefined);
  return (
    <>
      {main.map((f) => (
        <CredentialInput key={f.name} field={f} props={field(f.name)} disabled={disabled} mode={mode} />
      ))}
      {advanced.length > 0 ? (
        <details className="advanced" open={openAdvanced}>
          <summary>Advanced</summary>
          {advanced.map((f) => (
            <CredentialInput key={f.name} field={f} props={field(f.name)} disabled={disabled} mode={mode} />
          ))}
        </details>
      ) : null}
    </>
  );
}
