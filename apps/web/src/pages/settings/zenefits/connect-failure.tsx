import { Card } from "../../../components/card";
import type { ApiProblem } from "../../../errors";

const kindTitles: Record<string, string> = {
  invalid_credentials: "Zenefits rejected this token",
  forbidden: "This token lacks a permission Roster needs",
  unreachable: "Roster could not reach Zenefits",
  rate_limited: "Zenefits is limiting requests",
  provider_error: "Zenefits answered with an error",
};

/** The failure screen after Save: why Zenefits said no, and what to do about it. Nothing was stored. */
export function ConnectFailure({ problem, onTryAgain }: { problem: ApiProblem; onTryAgain: () => void }) {
  return (
    <Card title="We couldn't connect Zenefits">
      <div className="stack" role="alert" data-testid="connect-failure">
        <p className="failure-title">{(problem.kind && kindTitles[problem.kind]) ?? "The token could not be verified"}</p>
        <p>{problem.message}</p>
        {problem.hint ? (
          <p className="hint">
            <strong>What to do:</strong> {problem.hint}
          </p>
        ) : null}
        <p className="muted small">Nothing was saved. Your previous settings, if any, are unchanged.</p>
        <div>
          <button type="button" className="button button-primary" onClick={onTryAgain}>
            Try another token
          </button>
        </div>
      </div>
    </Card>
  );
}
