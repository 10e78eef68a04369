import { useEffect, useRef, useState } from "react";
import { Card } from "../../components/card";
import { FormAlert } from "../../components/form-alert";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { trpc } from "../../trpc";
import { TransferEntry } from "../candidates/transfer-story";

/**
 * A Lever connection's hire exports (owners and admins; the "export failed" email links here):
 * the failures with their reasons, each with Retry (re-queued at once; Zenefits never gets a
 * duplicate), then the recent exports.
 */
export function HireExports({ connectionId, focus }: { connectionId: string; focus: boolean }) {
  const utils = trpc.useUtils();
  const ref = useRef<HTMLDivElement>(null);
  const [retried, setRetried] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const failed = trpc.lever.transfers.useQuery(
    { status: "failed", limit: 100 },
    { refetchInterval: retried.size ? 2_000 : false },
  );
  const recent = trpc.lever.transfers.useQuery({ status: "all", limit: 20 });
  const retry = trpc.lever.retryTransfer.useMutation({
    onSuccess: (result) => {
      setProblem(null);
      setRetried((s) => new Set(s).add(result.transferId));
      void utils.lever.invalidate();
    },
    onError: (error) => setProblem(apiProblem(error).message),
  });

  useEffect(() => {
    if (focus) ref.current?.scrollIntoView({ block: "start" });
  }, [focus]);

  const mine = (list: typeof failed.data) => (list ?? []).filter((t) => t.connectionId === connectionId);

  return (
    <div ref={ref} id="hires" className="stack">
      <Card title="Export failures">
        <FormAlert message={problem} />
        {failed.isPending ? (
          <Loading label="Loading failed exports…" />
        ) : failed.isError ? (
          <ErrorState problem={apiProblem(failed.error)} onRetry={() => void failed.refetch()} />
        ) : mine(failed.data).length === 0 ? (
          <EmptyState title="No failed exports">
            <p>Every hire so far reached Zenefits (or is on its way).</p>
          </EmptyState>
        ) : (
          <ul className="story" data-testid="export-failures">
            {mine(failed.data).map((transfer) => (
              <TransferEntry
                key={transfer.id}
                transfer={transfer}
                actions={
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate({ transferId: transfer.id })}
                    >
                      {retried.has(transfer.id) ? "Retry again" : "Retry"}
                    </button>
                    {retried.has(transfer.id) ? (
                      <span className="muted small" role="status">
                        Queued: retrying now.
                      </span>
                    ) : null}
                  </div>
                }
              />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent exports">
        {recent.isPending ? (
          <Loading label="Loading exports…" />
        ) : recent.isError ? (
          <ErrorState problem={apiProblem(recent.error)} onRetry={() => void recent.refetch()} />
        ) : mine(recent.data).length === 0 ? (
          <EmptyState title="Nothing sent yet">
            <p>Candidates hired in Lever appear here once Roster sends them to Zenefits.</p>
          </EmptyState>
        ) : (
          <ul className="story">
            {mine(recent.data).map((transfer) => (
              <TransferEntry key={transfer.id} transfer={transfer} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
