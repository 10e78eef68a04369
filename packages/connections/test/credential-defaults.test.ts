import { describe, expect, it } from "vitest";
import { credentialDefaults } from "../src/credential-defaults";

describe("credentialDefaults", () => {
  it("points new connections at every simulator named by a <CONNECTOR>_SANDBOX_URL in sandbox mode, whatever the deployment's base URLs", () => {
    expect(
      credentialDefaults({
        sandbox: true,
        env: {
          ZENEFITS_SANDBOX_URL: "http://127.0.0.1:4010",
          LEVER_SANDBOX_URL: "http://127.0.0.1:4020/",
          BAMBOOHR_SANDBOX_URL: "http://127.0.0.1:4030/",
          ACME_HR_SANDBOX_URL: "http://127.0.0.1:4040",
          LEVER_SANDBOX_TOKEN: "not a URL variable",
        },
        baseUrls: { zenefits: "https://api.eu.zenefits.example", bamboohr: "https://bamboo.staging.example" },
      }),
    ).toEqual({
      zenefits: { baseUrl: "http://127.0.0.1:4010" },
      lever: { baseUrl: "http://127.0.0.1:4020/v1", zenefitsBaseUrl: "http://127.0.0.1:4010" },
      bamboohr: { baseUrl: "http://127.0.0.1:4030" },
      "acme-hr": { baseUrl: "http://127.0.0.1:4040" },
    });
  });

  it("outside sandbox uses the deployment's <CONNECTOR>_BASE_URLs; the Lever export's Zenefits side follows Zenefits", () => {
    expect(
      credentialDefaults({
        sandbox: false,
        env: { ZENEFITS_SANDBOX_URL: "http://127.0.0.1:4010" },
        baseUrls: { zenefits: "https://zen.staging.example", lever: "https://api.sandbox.lever.co/v1", acme: "http://acme.test" },
      }),
    ).toEqual({
      zenefits: { baseUrl: "https://zen.staging.example" },
      lever: { baseUrl: "https://api.sandbox.lever.co/v1", zenefitsBaseUrl: "https://zen.staging.example" },
      acme: { baseUrl: "http://acme.test" },
    });
  });

  it("gives nothing when no base URL is set: connectors use their own defaults (the real APIs)", () => {
    expect(credentialDefaults({ sandbox: false, env: {}, baseUrls: {} })).toBeUndefined();
  });
});
