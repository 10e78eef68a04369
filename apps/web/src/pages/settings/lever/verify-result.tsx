import type { RouterOutputs } from "../../../trpc";

export type VerifyResult = RouterOutputs["lever"]["verify"];

/** Verify's answer: ✓ or ✗ for each side, with the reason (and what to do) when one failed. */
export function VerifyResultList({ result }: { result: VerifyResult }) {
  // The HRIS side is Zenefits' import channel unless another HRIS was chosen under "Send hires to".
  const sides = [
    { key: "lever", name: "Lever" },
    { key: "zenefits", name: result.targetName },
  ] as const;
  return (
    <ul className="verify-result" aria-label="Verify result" data-testid="verify-result">
      {sides.map(({ key, name }) => {
        const side = result[key];
        return (
          <li key={key} className={side.ok ? "verify-side ok" : "verify-side failed"} data-testid={`verify-${key}`}>
            <span className="check-mark" aria-hidden="true">
              {side.ok ? "✓" : "✗"}
            </span>
            <div>
              <strong>
                {name}: {side.ok ? "connected" : "failed"}
              </strong>
              {side.error ? <p>{side.error}</p> : null}
              {side.warning ? <p className="muted small">{side.warning}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
