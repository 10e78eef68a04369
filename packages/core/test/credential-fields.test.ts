import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeCredentials, secret, secretFieldNames } from "../src/index";

describe("describeCredentials", () => {
  it("reads labels, help, secrecy, optionality, the Advanced flag and the input kind from the schema", () => {
    // Tried: every shape a connector writes: a labelled secret, an advanced URL with a default,
    // an optional secret (meta before or after the wrapper), an unlabelled email.
    const fields = describeCredentials(
      z.object({
        accessToken: secret(z.string().min(8).meta({ title: "Access token", description: "Where to create it" })),
        baseUrl: z.string().url().default("https://api.example").meta({ title: "API base URL", advanced: true }),
        signingToken: secret(z.string().min(8)).optional().meta({ title: "Signing token" }),
        contactEmail: z.email(),
      }),
    );
    expect(fields).toEqual([
      expect.objectContaining({
        name: "accessToken",
        label: "Access token",
        description: "Where to create it",
        secret: true,
        optional: false,
        advanced: false,
        kind: "text",
      }),
      expect.objectContaining({
        name: "baseUrl",
        label: "API base URL",
        secret: false,
        optional: true,
        advanced: true,
        kind: "url",
      }),
      expect.objectContaining({ name: "signingToken", label: "Signing token", secret: true, optional: true }),
      expect.objectContaining({ name: "contactEmail", label: "Contact email", secret: false, kind: "email" }),
    ]);
  });

  it("keeps an optional secret secret, so it is redacted and never sent back", () => {
    expect(
      secretFieldNames(z.object({ key: secret(z.string()), token: secret(z.string()).optional(), url: z.string() })),
    ).toEqual(["key", "token"]);
  });
});
