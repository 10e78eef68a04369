/**
 * graphile-worker reports a job's success or failure without awaiting it unless
 * these batchers are on; with them, a graceful shutdown flushes the reports before it
 * resolves. Without them, a job that ends during shutdown stays locked (and runs again
 * only after the 4-hour lock timeout).
 */
export const runnerPreset: GraphileConfig.Preset = {
  worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 },
};
