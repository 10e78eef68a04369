import type { z } from "zod";
import { badRequest } from "./api-result";

/** Parses a JSON request body against `schema`, answering 400 with the first issue otherwise. */
export function parseBody<S extends z.ZodType>(schema: S, body: string): z.infer<S> {
  let value: unknown;
  try {
    value = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "Invalid request body");
  }
  return result.data;
}
