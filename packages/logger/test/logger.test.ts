import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/index";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe("createLogger", () => {
  it("redacts secrets at the top level, nested, and in request headers", () => {
    // Tried: logging objects that carry a token, a client secret, a password and an
    // Authorization header. Must hold: none of the plaintext values reach the output.
    const { lines, destination } = capture();
    const log = createLogger("test", { destination, level: "info" });
    log.info({ token: "tok-PLAIN-1", credentials: { accessToken: "tok-PLAIN-2" } }, "connect");
    log.info({ connection: { clientSecret: "cs-PLAIN-3" }, password: "pw-PLAIN-4" }, "setup");
    log.info({ req: { headers: { authorization: "Bearer tok-PLAIN-5", cookie: "sid=PLAIN-6" } } }, "request");
    const output = lines.join("");
    expect(lines).toHaveLength(3);
    for (const secret of ["tok-PLAIN-1", "tok-PLAIN-2", "cs-PLAIN-3", "pw-PLAIN-4", "tok-PLAIN-5", "PLAIN-6"]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("[redacted]");
  });

  it("writes JSON lines with the logger name", () => {
    const { lines, destination } = capture();
    createLogger("api", { destination }).warn({ connectionId: "c1" }, "slow");
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line).toMatchObject({ name: "api", msg: "slow", connectionId: "c1", level: 40 });
  });
});
