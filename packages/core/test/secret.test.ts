import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSecretSchema, secret, secretFieldNames, secretValues } from "../src/index";

describe("secret()", () => {
  it("marks a field secret, also when it is made optional, defaulted or nullable afterwards", () => {
    // Tried: a credentials schema with a plain secret, wrapped secrets and ordinary fields. Must hold: every
    // secret field is named (the wrappers do not hide the mark), no ordinary field is, and secretValues
    // returns exactly the secret values that are set.
    const schema = z.object({
      apiKey: secret(z.string().min(8)),
      signingToken: secret(z.string().min(8)).optional(),
      clientSecret: secret(z.string()).nullable().default(null),
      baseUrl: z.string().url().default("https://api.example.com"),
      companyId: z.string().optional(),
    });
    expect(secretFieldNames(schema)).toEqual(["apiKey", "signingToken", "clientSecret"]);
    expect(isSecretSchema(schema.shape.baseUrl)).toBe(false);
    expect(isSecretSchema(schema.shape.companyId)).toBe(false);
    expect(
      secretValues(schema, {
        apiKey: "key-12345678",
        signingToken: "sign-12345678",
        baseUrl: "https://x.example",
        companyId: "42",
      }),
    ).toEqual(["key-12345678", "sign-12345678"]);
  });
});
