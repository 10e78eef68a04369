import { describe, expect, it } from "vitest";
import { brokenConnectors } from "../src/broken/broken-connectors";
import { contractChecks } from "../src/contract/checks/index";
import { createContractHarness } from "../src/contract/harness";
import { acmeContractSimulator } from "../src/fixture/acme-contract-simulator";

// Tried: each deliberately broken connector against the suite.
// Must hold: the check named for its flaw rejects it (the suite can fail), while the checks
// that set up state before it still pass.
describe("the contract suite rejects sloppy connectors", () => {
  for (const broken of brokenConnectors) {
    it(`rejects a connector that ${broken.flaw} (check ${broken.failsCheck})`, async () => {
      const h = await createContractHarness(broken.connector, {
        simulator: acmeContractSimulator,
        mutableStream: "people",
        batchSize: 40,
      });
      try {
        const target = contractChecks.find((c) => c.id === broken.failsCheck);
        expect(target, `check ${broken.failsCheck} exists`).toBeDefined();
        if (broken.failsCheck === "no-secrets") await contractChecks.find((c) => c.id === "verify-accepts")!.run(h);
        await expect(target!.run(h)).rejects.toThrow();
      } finally {
        await h.close();
      }
    });
  }
});
