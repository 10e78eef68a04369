import { Card } from "../../../components/card";
import type { ApiProblem } from "../../../errors";

const kindTitles: Record<string, (provider: string) => string> = {
  invalid_credentials: (provider) => `${provider} rejected these credentials`,
  forbidden: () => "These credentials lack a permission Roster needs",
  unreachable: (provider) => `Roster could not reach ${provider}`,
  rate_limited: (provider) => `${provider} is limiting requests`,
  provider_error: (provider) => `${provider} answered with an error`,
};

/** The failure screen after Save: why the provider said no, and what to do about it. Nothing was stored. */
export function ConnectFailure({
  providerName,
  problem,
  onTryAgain,
}: {
  providerName: string;
  problem: ApiProblem;
  onTryAgain: () => void;
}) {
  const title = problem.kind ? kindTitles[problem.kind]?.(providerName) : undefined;
  return (
    <Card title={`We couldn't connect ${providerName}`}>
      <div className="stack" role="alert" data-testid="connect-failure">
        <p className="failure-title">{title ?? "The credentials could not be verified"}</p>
        <p>{problem.message}</p>
        {problem.hint ? (
          <p className="hint">
            <strong>What to do:</strong> {problem.hint}
          </p>
        ) : null}
        <p className="muted small">Nothing was saved. Your previous settings, if any, are unchanged.</p>
        <div>
          <button type="button" className="button button-primary" onClick={onTryAgain}>
            Try again
          </button>
        </div>
      </div>
    </Card>
  );
}
