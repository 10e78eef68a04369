import { useState } from "react";

/**
 * A secret shown once, right after it was made: selectable, with Copy, and a plain statement
 * that it cannot be shown again. Dismissing it forgets it.
 */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission, insecure origin): the field is selectable instead.
      setCopied(false);
    }
  };
  return (
    <div className="alert alert-success secret-once" role="status" data-testid="secret-once">
      <p>
        <strong>{label}</strong> Copy it now: Roster does not keep it and cannot show it again.
      </p>
      <div className="secret-once-row">
        <input
          className="monospace"
          readOnly
          aria-label={label}
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="secret-value"
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
