import { LEVER_CONNECTOR_ID } from "@roster/connections";
import { loadHireConnection } from "@roster/hire-export";
import type { ApiDeps } from "../context";
import { leverWebhookUrl } from "./public-url";
import { pointSandboxLeverWebhook } from "./sandbox-webhook";

/**
 * Sandbox start-up: the Lever simulator keeps its webhook in memory, so after a restart it
 * points nowhere. If a Lever connection was saved earlier (the most recently saved one that is
 * turned on and has a signing token), point the simulator at it again. The simulator starts
 * beside the API, so this tries for a few seconds. Best effort: nothing here stops the API.
 */
export async function pointSandboxAtLatestLever(deps: ApiDeps, leverSandboxUrl: string, attempts = 20): Promise<void> {
  try {
    const rows = await deps.db
      .selectFrom("connections")
      .select("id")
      .where("connector_id", "=", LEVER_CONNECTOR_ID)
      .orderBy("updated_at", "desc")
      .execute();
    for (const row of rows) {
      const connection = await loadHireConnection(deps.db, deps.config.ENCRYPTION_KEY ?? "", row.id);
      const signingToken = connection?.credentials?.webhookSigningToken;
      if (!connection?.settings.enabled || typeof signingToken !== "string" || !signingToken) continue;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const outcome = await pointSandboxLeverWebhook({
          leverSandboxUrl,
          webhookUrl: leverWebhookUrl(deps, row.id),
          signingToken,
          // Only the last failure is worth a warning: the first ones are the simulator still starting.
          log: attempt < attempts ? deps.log.child({}, { level: "silent" }) : deps.log,
        });
        if (outcome === "pointed") return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return;
    }
  } catch (error) {
    deps.log.warn({ err: error }, "sandbox: could not restore the Lever simulator's webhook");
  }
}
