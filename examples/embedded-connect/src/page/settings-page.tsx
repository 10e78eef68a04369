import { type ConnectResult, RosterConnectButton } from "@roster/connect-react";
import { useState } from "react";

/**
 * The product's own settings page (a React app): the button asks the product's backend for a
 * fresh connect link, opens it over the page and shows what came back. The backend holds the
 * Roster key; the browser only ever sees a single-use link.
 */
export function SettingsPage({ customerId }: { customerId: string }) {
  const [result, setResult] = useState<ConnectResult | null>(null);
  const [closed, setClosed] = useState(false);

  async function getLinkUrl(): Promise<string> {
    const response = await fetch(`/connect-link?customer=${encodeURIComponent(customerId)}`, { method: "POST" });
    if (!response.ok) throw new Error(`The backend answered ${response.status}`);
    return ((await response.json()) as { url: string }).url;
  }

  return (
    <main>
      <h1>Settings</h1>
      <p>Connect your HR system so Feedbackly knows your teams.</p>
      <RosterConnectButton
        getLinkUrl={getLinkUrl}
        onConnected={(connected) => {
          setResult(connected);
          setClosed(false);
        }}
        onClosed={() => setClosed(true)}
      >
        Connect your HR system
      </RosterConnectButton>
      <p role="status" data-testid="result">
        {result ? `Connected: ${result.connectionId}` : closed ? "Not connected." : ""}
      </p>
    </main>
  );
}
