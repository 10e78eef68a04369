import { permissionEffects } from "@roster/connections";
import { requireConnector } from "@roster/registry";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli";
import { type SecretFolder, secretFolder } from "./helpers/secret-files";

let sim: ZenefitsSim;
let secrets: SecretFolder;
beforeAll(async () => {
  sim = await startZenefitsSim({ people: 20, seed: 7 });
  secrets = secretFolder();
});
afterAll(async () => {
  await sim?.close();
  secrets?.remove();
});

describe.concurrent("roster connectors", () => {
  it("lists zenefits with its twelve permissions and marks the secret credential", async () => {
    // Tried: `connectors --json`. Must hold: exit 0, parseable, zenefits with 12 labelled permissions, accessToken secret.
    const result = await runCli(["connectors", "--json"]);
    expect(result.code).toBe(0);
    const { connectors } = JSON.parse(result.stdout) as {
      connectors: {
        id: string;
        permissions: { id: string; label: string }[];
        credentials: { name: string; secret: boolean }[];
      }[];
    };
    const zenefits = connectors.find((c) => c.id === "zenefits");
    expect(zenefits?.permissions).toHaveLength(12);
    expect(zenefits?.permissions.every((p) => p.id && p.label)).toBe(true);
    expect(zenefits?.credentials).toContainEqual(expect.objectContaining({ name: "accessToken", secret: true }));
    expect(zenefits?.credentials).toContainEqual(expect.objectContaining({ name: "baseUrl", secret: false }));
  });

  it("prints a readable listing without --json", async () => {
    // Tried: plain `connectors`. Must hold: exit 0, name, permission labels and the secret marker shown.
    const result = await runCli(["connectors"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Zenefits (zenefits, hris)");
    expect(result.stdout).toContain("Company departments");
    expect(result.stdout).toMatch(/accessToken\s+string\s+secret, required/);
  });
});

describe.concurrent("roster verify", () => {
  it("accepts a good token: exit 0, the company, every permission granted; the token never printed", async () => {
    // Tried: the simulator's all-scopes token. Must hold: exit 0, company name, 12 of 12, no token in any output.
    const token = sim.createToken();
    const result = await runCli(["verify", "zenefits", "--token-file", secrets.file(token), "--base-url", sim.url]);
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain(sim.truth().companies[0]?.name ?? "missing company");
    expect(result.stdout).toContain("12 of 12 granted");
    expect(result.all).not.toContain(token);
  });

  it("shows a permission the token lacks as missing, by its label, with what Roster would not keep current", async () => {
    // Tried: a token with every scope but people.manager. Must hold: exit 0, that label marked ✗ missing
    // followed by what it feeds (the same list the dashboard shows), 11 of 12; --json carries the list too.
    const zenefits = requireConnector("zenefits");
    const label = zenefits.manifest.permissions.find((p) => p.id === "people.manager")!.label;
    const [effect] = permissionEffects(zenefits, ["people.manager"]);
    expect(effect?.feeds.length).toBeGreaterThan(0);
    const scopes = [
      "companies",
      ...requireConnector("zenefits")
        .manifest.permissions.map((p) => p.id)
        .filter((id) => id !== "people.manager"),
    ];
    const token = sim.createToken({ scopes });
    const tokenFile = secrets.file(token);
    const result = await runCli(["verify", "zenefits", "--token-file", tokenFile, "--base-url", sim.url]);
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain("11 of 12 granted");
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(result.stdout).toMatch(
      new RegExp(
        `✗ ${literal(label)}\\s+people\\.manager\\s+missing · not kept current: ${literal(effect!.feeds.join(", "))}$`,
        "m",
      ),
    );
    expect(result.stdout).toMatch(/✓ People\s+people\s*$/m);
    expect(result.all).not.toContain(token);

    // --strict turns a missing permission into a failure for scripts.
    const strict = await runCli(["verify", "zenefits", "--token-file", tokenFile, "--base-url", sim.url, "--strict", "--json"]);
    expect(strict.code).toBe(1);
    const parsed = JSON.parse(strict.stdout) as { permissions: { id: string; granted: boolean; feeds: string[] }[] };
    expect(parsed).toMatchObject({ ok: false, account: { id: sim.companyId }, missing: ["people.manager"] });
    expect(parsed.permissions.find((p) => p.id === "people.manager")).toEqual({
      id: "people.manager",
      label,
      granted: false,
      feeds: effect!.feeds,
    });
    expect(parsed.permissions.filter((p) => p.granted).every((p) => p.feeds.length === 0)).toBe(true);
    expect(strict.all).not.toContain(token);
  });

  it("rejects a revoked token: exit 1, kind invalid_credentials with a hint, token not echoed", async () => {
    // Tried: a token revoked at the simulator, with --json. Must hold: exit 1, kind, message and hint, no token anywhere.
    const token = sim.createToken();
    sim.revokeToken(token);
    const result = await runCli(["verify", "zenefits", "--token-file", secrets.file(token), "--base-url", sim.url, "--json"]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string; message: string; hint: string } };
    expect(parsed).toMatchObject({ ok: false, error: { kind: "invalid_credentials" } });
    expect(parsed.error.message.length).toBeGreaterThan(0);
    expect(parsed.error.hint.length).toBeGreaterThan(0);
    expect(result.all).not.toContain(token);
  });

  it("reads the token from stdin with --token-file -", async () => {
    // Tried: the token piped in. Must hold: exit 0 and the token is not printed.
    const token = sim.createToken();
    const result = await runCli(["verify", "zenefits", "--token-file", "-", "--base-url", sim.url], { input: `${token}\n` });
    expect(result.code, result.all).toBe(0);
    expect(result.all).not.toContain(token);
  });

  it("refuses a secret on the command line and a token file that is not there, with exit 2 and what to do", async () => {
    // Tried: the access token as --field accessToken=…; no token at all; a --token-file path that does not
    // exist; an empty token file. Must hold: exit 2 each time (nothing attempted); the first says to use
    // a file and never echoes the value; the others name the flag and the problem.
    const token = "a-secret-token-value-456";
    const [inArgv, none, missingFile, emptyFile] = await Promise.all([
      runCli(["verify", "zenefits", "--field", `accessToken=${token}`, "--base-url", sim.url]),
      runCli(["verify", "zenefits", "--base-url", sim.url]),
      runCli(["verify", "zenefits", "--token-file", "/nonexistent/roster/token", "--base-url", sim.url]),
      runCli(["verify", "zenefits", "--token-file", secrets.file(""), "--base-url", sim.url]),
    ]);
    expect([inArgv, none, missingFile, emptyFile].map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(inArgv.stderr).toContain("accessToken is a secret: it cannot be given with --field");
    expect(inArgv.stderr).toContain("--token-file <file>");
    expect(inArgv.all).not.toContain(token);
    expect(none.stderr).toContain("Zenefits needs its accessToken: pass --token-file <file>");
    expect(missingFile.stderr).toContain("--token-file: /nonexistent/roster/token does not exist.");
    expect(emptyFile.stderr).toMatch(/--token-file: \S+ is empty\./);
  });

  it("refuses bad arguments with exit 2, naming the wrong field but never its value", async () => {
    // Tried: no connector argument; a malformed base URL; a too-short token; an unknown --field; a --field
    // without "=". Must hold: exit 2 each time; the messages name the field and its flag; the secret is not echoed.
    const token = "a-secret-token-value-123";
    const tokenFile = secrets.file(token);
    const [noArg, badUrl, shortToken, unknown, noValue] = await Promise.all([
      runCli(["verify"]),
      runCli(["verify", "zenefits", "--token-file", tokenFile, "--base-url", "not a url"]),
      runCli(["verify", "zenefits", "--token-file", secrets.file("abc1"), "--base-url", sim.url]),
      runCli(["verify", "zenefits", "--token-file", tokenFile, "--field", "colour=blue"]),
      runCli(["verify", "zenefits", "--field", "novalue"]),
    ]);
    expect([noArg, badUrl, shortToken, unknown, noValue].map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(badUrl.stderr).toContain("baseUrl (--base-url)");
    expect(shortToken.stderr).toContain("accessToken (--token-file)");
    expect(unknown.stderr).toContain('no credential field "colour"');
    for (const result of [badUrl, unknown]) expect(result.all).not.toContain(token);
  });

  it("answers an unknown connector with exit 3", async () => {
    // Tried: `verify nope`. Must hold: exit 3 and the installed connectors listed.
    const result = await runCli(["verify", "nope", "--token-file", secrets.file("whatever-123")]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("installed: ");
  });
});
