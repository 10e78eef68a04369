import { useEffect, useRef } from "react";
import { type RouterOutputs, trpc } from "../../trpc";

export type ConnectionView = RouterOutputs["connections"]["get"];

/** How long after "Sync now" (or re-enabling, or a new token) the page watches for the run to start. */
const EXPECT_SYNC_MS = 60_000;
/**
 * After a run ends the worker still applies its policy (failing, retry time, disabled) a
 * moment later, in its own transaction: the page keeps polling this long to show that too.
 */
const SETTLE_MS = 10_000;
const POLL_MS = 1_000;

/** A sync is running, or queued and not started yet (a new connection's first one). */
export function isSyncing(view: ConnectionView | undefined): boolean {
  if (!view || view.status === "disabled") return false;
  return view.currentRun !== null || (view.lastRun === null && view.lastSyncAt === null);
}

/**
 * A connection's view, polled every second while a sync runs (live progress) or right after
 * an action that queued one, until a run that was not there before shows up, and for a few
 * seconds after (the worker's verdict); idle otherwise.
 * When a run finishes, the history, the emails, the dashboard summary and the directory are
 * refreshed too.
 */
export function useLiveConnection(connectionId: string) {
  const utils = trpc.useUtils();
  // The runs known when a sync was queued, and when: any other run id is the queued one.
  const expecting = useRef<{ since: number; known: (string | undefined)[] } | null>(null);
  const settleUntil = useRef(0);
  const query = trpc.connections.get.useQuery(
    { connectionId },
    {
      refetchInterval: (q) => {
        const view = q.state.data;
        const wanted = expecting.current;
        if (wanted && view) {
          const seen = [view.currentRun?.id, view.lastRun?.id].filter(Boolean);
          const started = seen.some((id) => !wanted.known.includes(id));
          if (started || Date.now() - wanted.since > EXPECT_SYNC_MS) expecting.current = null;
        }
        if (isSyncing(view) || expecting.current) {
          settleUntil.current = Date.now() + SETTLE_MS;
          return POLL_MS;
        }
        return Date.now() < settleUntil.current ? POLL_MS : false;
      },
    },
  );

  const finishedRun = query.data?.lastRun?.id;
  const runningRun = query.data?.currentRun?.id;
  useEffect(() => {
    if (!finishedRun && !runningRun) return;
    void utils.connections.runs.invalidate({ connectionId });
    void utils.connections.list.invalidate();
    if (finishedRun) void utils.directory.invalidate();
  }, [finishedRun, runningRun, connectionId, utils]);

  // The worker's verdict (failing, disabled, restored) comes with its emails.
  const verdict = query.data ? `${query.data.status}:${query.data.consecutiveFailures}:${finishedRun}` : undefined;
  useEffect(() => {
    if (verdict) void utils.connections.emails.invalidate({ connectionId });
  }, [verdict, connectionId, utils]);

  return {
    ...query,
    /** Call after an action that queued a sync: the page polls until it starts. */
    expectSync() {
      const view = query.data;
      expecting.current = { since: Date.now(), known: [view?.currentRun?.id, view?.lastRun?.id] };
      void query.refetch();
    },
  };
}
