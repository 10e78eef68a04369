import type { Logger } from "@roster/logger";

export type SandboxWebhookOutcome = "pointed" | "failed" | null;

/**
 * Sandbox only: points the Lever simulator's webhook (its admin endpoint, loopback, no auth)
 * at a Lever connection's webhook URL, signed with the connection's signing token, so that
 * hiring a candidate in the simulator reaches this API as a real Lever delivery would.
 * Best effort: a failure is logged and reported, never thrown.
 */
export async function pointSandboxLeverWebhook(input: {
  leverSandboxUrl: string;
  webhookUrl: string;
  signingToken: string;
  log: Logger;
}): Promise<Exclude<SandboxWebhookOutcome, null>> {
  try {
    const res = await fetch(`${input.leverSandboxUrl}/__admin/webhook`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: input.webhookUrl, signatureToken: input.signingToken }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`the Lever simulator answered ${res.status}`);
    input.log.info({ webhookUrl: input.webhookUrl }, "sandbox: the Lever simulator's webhook points at this API");
    return "pointed";
  } catch (error) {
    input.log.warn({ err: error }, "sandbox: could not point the Lever simulator's webhook at this API");
    return "failed";
  }
}
