/**
 * Options every workspace project uses. Project config files do not inherit the root
 * config, so each spreads these (`test: { ...sharedTestOptions, name }`).
 */
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // A worker keeps its loaded modules from one test file to the next instead of importing the
  // workspace afresh for each, which took a sixth of the run. A test file must therefore leave
  // no module state behind (no vi.mock, stubbed globals or environment) for the next.
  isolate: false,
};
