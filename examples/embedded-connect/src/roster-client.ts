import { z } from "zod";

const organisation = z.object({ id: z.string(), external_ref: z.string().nullable() });
const connectLink = z.object({ url: z.string(), expires_at: z.string() });

/** The two Roster calls the product's backend makes, with its platform key (never sent to a browser). */
export function rosterClient(options: { rosterUrl: string; platformKey: string }) {
  async function call(path: string, body: unknown, organisationId?: string) {
    const response = await fetch(`${options.rosterUrl.replace(/\/+$/, "")}/api/v1${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.platformKey}`,
        "content-type": "application/json",
        ...(organisationId ? { "Roster-Organisation": organisationId } : {}),
      },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`Roster ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }
  return {
    /** The customer's organisation: created the first time, the same one every time after. */
    async organisationFor(customer: { id: string; name: string }) {
      return organisation.parse(await call("/organisations", { name: customer.name, external_ref: customer.id }));
    },
    async connectLink(
      organisationId: string,
      input: { connectorIds: string[]; returnUrl: string; allowedOrigin: string; brandName: string },
    ) {
      return connectLink.parse(
        await call(
          "/connect-links",
          {
            // One connector, or a choice the customer's admin picks from on the page.
            connector_ids: input.connectorIds,
            return_url: input.returnUrl,
            allowed_origins: [input.allowedOrigin],
            brand: { name: input.brandName, colour: "#7a3db8" },
            expires_in_minutes: 30,
          },
          organisationId,
        ),
      );
    },
  };
}
