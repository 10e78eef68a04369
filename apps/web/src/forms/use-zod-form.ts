import { useState } from "react";
import type { z } from "zod";
import { apiProblem } from "../errors";

type FormValues = Record<string, string>;

/**
 * Form state checked with the same zod schema the API uses for that input. Errors sit
 * next to their field; after a failed submit the first invalid field gets focus.
 */
export function useZodForm<S extends z.ZodType<unknown, FormValues>>(formId: string, schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const fieldId = (name: keyof z.input<S> & string) => `${formId}-${name}`;

  function focusFirst(names: string[]) {
    const first = Object.keys(initial).find((name) => names.includes(name));
    if (first) requestAnimationFrame(() => document.getElementById(`${formId}-${first}`)?.focus());
  }

  function showErrors(next: Record<string, string | undefined>) {
    setErrors(next);
    focusFirst(Object.keys(next).filter((k) => next[k]));
  }

  return {
    values,
    errors,
    formError,
    fieldId,
    /** Props for a text input bound to one field. */
    field(name: keyof z.input<S> & string) {
      return {
        id: fieldId(name),
        name,
        value: values[name] ?? "",
        error: errors[name],
        onChange: (event: { target: { value: string } }) => {
          setValues((v) => ({ ...v, [name]: event.target.value }));
          if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
        },
      };
    },
    setValue(name: keyof z.input<S> & string, value: string) {
      setValues((v) => ({ ...v, [name]: value }));
    },
    /** The parsed values, or null after showing what is wrong. */
    parse(): z.output<S> | null {
      setFormError(null);
      const result = schema.safeParse(values);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      const next: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "");
        next[key] ??= issue.message;
      }
      showErrors(next);
      return null;
    },
    /** Shows an API error: beside its field when the API named one, above the form otherwise. */
    showServerError(error: unknown) {
      const problem = apiProblem(error);
      const byField = Object.fromEntries(
        Object.entries(problem.fieldErrors).flatMap(([k, v]) => (v?.[0] && k in values ? [[k, v[0]]] : [])),
      );
      if (Object.keys(byField).length) showErrors(byField);
      else setFormError(problem.message);
    },
    reset() {
      setValues(initial);
      setErrors({});
      setFormError(null);
    },
  };
}
