import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "./stack";

/**
 * Starts one stack for the test file and returns a getter for it. If the stack cannot
 * start (no Chromium, say), every test fails with that error rather than being
 * reported as skipped, which is what a failing beforeAll alone would do.
 * @example const stack = stackForFile(); it("…", async () => { const page = await stack().newPage(); });
 */
export function stackForFile(options?: Parameters<typeof startStack>[0]): () => Stack {
  let stack: Stack | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      stack = await startStack(options);
    } catch (error) {
      failure = error;
    }
  });
  afterAll(() => stack?.close());
  return () => {
    if (failure) throw failure;
    if (!stack) throw new Error("The browser-test stack has not started");
    return stack;
  };
}
