import { z } from "@hono/zod-openapi";

export const problemSchema = z
  .object({
    type: z.string().openapi({ description: "A URI naming the kind of problem" }),
    title: z.string(),
    status: z.int(),
    detail: z.string().openapi({ description: "What went wrong and what to do" }),
    request_id: z.string().openapi({ description: "Also in the X-Request-Id header: quote it when asking for help" }),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "Each invalid parameter" }),
    required_scope: z.string().optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

/** The errors every authenticated route can answer with (RFC 9457 problem details). */
export const problemResponses = {
  400: problem("Invalid parameters or cursor"),
  401: problem("No API key, an unknown one, or a revoked one"),
  403: problem("The key lacks the scope this needs"),
  404: problem("No such record in the key's organisation"),
  429: problem("The key's rate limit is spent: wait Retry-After seconds"),
} as const;
