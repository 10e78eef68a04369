import type { Reporter, SerializedError, TestModule } from "vitest/node";

/**
 * Ends every run with the plain line CI reads: `N passed, N failed, N skipped`.
 * A file that failed outside its tests (a failing beforeAll, a syntax error) counts as one
 * failure even though its tests show as skipped, and so does each unhandled error: a run
 * that broke must never read as green.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failedHere++;
        else skipped++;
      }
      if (failedHere === 0 && module.state() === "failed") failedHere = 1;
      failed += failedHere;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
