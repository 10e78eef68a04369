import { type ReactNode, useState } from "react";
import { ConnectClosedError, type ConnectResult, openRosterConnect } from "./open-connect";

/**
 * A button that opens a Roster connect link (fetched from your backend, which holds the API key)
 * and reports the new connection. `getLinkUrl` runs on click, so every attempt gets a fresh link.
 */
export function RosterConnectButton({
  getLinkUrl,
  onConnected,
  onClosed,
  children = "Connect your HR system",
}: {
  getLinkUrl: () => Promise<string>;
  onConnected: (result: ConnectResult) => void;
  onClosed?: () => void;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  async function onClick() {
    setOpen(true);
    try {
      onConnected(await openRosterConnect(await getLinkUrl()));
    } catch (error) {
      if (error instanceof ConnectClosedError) onClosed?.();
      else throw error;
    } finally {
      setOpen(false);
    }
  }
  return (
    <button type="button" onClick={() => void onClick()} disabled={open}>
      {children}
    </button>
  );
}
