// No imports: host pages may load this file on its own (it is also what the React button uses).

/** Posted by the connect page to the framing product's origin when the connection is made. */
export const CONNECT_RESULT_MESSAGE = "roster:connect-link:completed";

export interface ConnectResult {
  connectionId: string;
  /** The connector connected: the link's one, or the one chosen when it offered several. */
  connectorId: string;
  /** return_url with ?connection_id=…&connector_id=…, for products that prefer to navigate. */
  redirectUrl: string;
}

/** The connect page's result, if this message is one: from the link's own origin, in the expected shape. */
export function connectResultOf(message: { origin: string; data: unknown }, linkOrigin: string): ConnectResult | null {
  if (message.origin !== linkOrigin) return null;
  const data = message.data as { type?: unknown; connectionId?: unknown; connectorId?: unknown; redirectUrl?: unknown } | null;
  if (!data || typeof data !== "object" || data.type !== CONNECT_RESULT_MESSAGE) return null;
  if (typeof data.connectionId !== "string" || !/^[0-9a-f-]{36}$/.test(data.connectionId)) return null;
  if (typeof data.connectorId !== "string" || !/^[a-z][a-z0-9-]{0,62}$/.test(data.connectorId)) return null;
  if (typeof data.redirectUrl !== "string") return null;
  return { connectionId: data.connectionId, connectorId: data.connectorId, redirectUrl: data.redirectUrl };
}

export class ConnectClosedError extends Error {
  override name = "ConnectClosedError";
  constructor() {
    super("The connect window was closed before a connection was made");
  }
}

/**
 * Shows the connect link in an overlay iframe and resolves with the connection once the page
 * reports it; rejects with ConnectClosedError if the person closes the overlay. The link must
 * have been created with this page's origin in allowed_origins (the page refuses other framers).
 */
export function openRosterConnect(linkUrl: string, options: { title?: string } = {}): Promise<ConnectResult> {
  const linkOrigin = new URL(linkUrl).origin;
  const overlay = document.createElement("div");
  overlay.setAttribute("role", "dialog");
  overlay.setAttribute("aria-label", options.title ?? "Connect your HR system");
  overlay.style.cssText =
    "position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647";
  const frame = document.createElement("iframe");
  frame.src = linkUrl;
  frame.title = options.title ?? "Connect your HR system";
  frame.style.cssText = "width:min(640px,95vw);height:min(760px,90vh);border:0;border-radius:8px;background:#fff";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.style.cssText = "position:absolute;top:12px;right:12px";
  overlay.append(frame, close);
  document.body.append(overlay);

  return new Promise<ConnectResult>((resolve, reject) => {
    const finish = () => {
      window.removeEventListener("message", onMessage);
      overlay.remove();
    };
    const onMessage = (event: MessageEvent) => {
      // Only the frame we opened, from the link's origin, may answer.
      if (event.source !== frame.contentWindow) return;
      const result = connectResultOf(event, linkOrigin);
      if (!result) return;
      finish();
      resolve(result);
    };
    window.addEventListener("message", onMessage);
    close.addEventListener("click", () => {
      finish();
      reject(new ConnectClosedError());
    });
  });
}
