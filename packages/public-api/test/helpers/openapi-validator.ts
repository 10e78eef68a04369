import { dereference } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenAPIV3_1 } from "openapi-types";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Checks live responses against the served OpenAPI document: the response schema of the
 * operation (by path template, method and status) compiled with Ajv's JSON Schema 2020-12
 * dialect, which OpenAPI 3.1 schemas are. Records which operations were seen answering.
 */
export async function responseValidator(document: OpenAPIV3_1.Document) {
  const doc = (await dereference(structuredClone(document))) as OpenAPIV3_1.Document;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const seen = new Set<string>();
  return {
    seen,
    operations(): string[] {
      return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
        ["get", "post", "patch", "delete"]
          .filter((m) => (item as Record<string, unknown>)[m])
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
    },
    /** Throws with Ajv's errors when the body does not match; returns the operation's key. */
    check(method: string, pathTemplate: string, status: number, contentType: string | null, body: unknown): string {
      const operation = (doc.paths?.[pathTemplate] as Record<string, OpenAPIV3_1.OperationObject> | undefined)?.[
        method.toLowerCase()
      ];
      if (!operation) throw new Error(`${method} ${pathTemplate} is not in the document`);
      const response = operation.responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
      if (!response) throw new Error(`${method} ${pathTemplate} documents no ${status} response`);
      const media = contentType?.split(";")[0]?.trim() ?? "";
      if (!response.content) {
        if (body !== null && body !== "") throw new Error(`${method} ${pathTemplate} ${status} documents no body`);
      } else {
        const schema = response.content[media]?.schema;
        if (!schema) throw new Error(`${method} ${pathTemplate} ${status} documents no ${media} body`);
        const validate = ajv.compile(schema as object);
        if (!validate(body)) {
          throw new Error(
            `${method} ${pathTemplate} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
          );
        }
      }
      const key = `${method.toUpperCase()} ${pathTemplate}`;
      if (status < 300) seen.add(key);
      return key;
    },
  };
}
