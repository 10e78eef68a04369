/**
 * Options every workspace project uses. Project config files do not inherit the root
 * config, so each spreads these (`test: { ...sharedTestOptions, name }`).
 */
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
