import { useState } from "react";
import { Card } from "../../../components/card";

/**
 * For a connector that receives webhooks: the URL to register at the provider, so a change there
 * re-syncs the records it names within seconds instead of at the next scheduled sync. The
 * webhook's signing key goes in the credentials (Rotate credentials); without it deliveries are refused.
 */
export function ProviderWebhook({ providerName, url }: { providerName: string; url: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard refused (insecure origin): the field is selectable by hand.
    }
  }
  return (
    <Card title="Webhook">
      <div className="stack" data-testid="provider-webhook-url">
        <p>
          To re-sync people as soon as they change in {providerName}, create a webhook there with this URL, then enter its private
          key under <strong>Rotate credentials</strong>. Without it, changes arrive with the next scheduled sync.
        </p>
        <div className="copy-row">
          <input aria-label="Webhook URL" className="invite-link" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      </div>
    </Card>
  );
}
