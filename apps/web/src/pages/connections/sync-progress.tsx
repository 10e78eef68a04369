import { formatCount } from "../../format";
import type { ConnectionView } from "./use-live-connection";

/**
 * The running sync, live: a progress bar of streams done and, per stream, how many records
 * were read, created and updated so far. Refreshed by the page's one-second poll.
 */
export function SyncProgress({ view }: { view: ConnectionView }) {
  const run = view.currentRun;
  if (!run) {
    return (
      <div className="sync-progress" data-testid="sync-progress">
        <p className="muted">Waiting for the sync to start…</p>
      </div>
    );
  }
  const counts = run.counts;
  const done = view.streams.filter((s) => counts[s]?.done).length;
  const total = view.streams.length;
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <div className="progress-label">
        <span>Syncing from {view.connectorName}</span>
        {/* Announced as collections finish, so a screen reader follows the sync without looking. */}
        <span className="muted" aria-live="polite" data-testid="sync-progress-count">
          {done} of {total} collections done
        </span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Collections synced"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} collections done`}
      >
        <div className="progress-bar" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Collection</th>
              <th scope="col" className="numeric">
                Read
              </th>
              <th scope="col" className="numeric">
                Created
              </th>
              <th scope="col" className="numeric">
                Updated
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {view.streams.map((stream) => {
              const c = counts[stream];
              return (
                <tr key={stream}>
                  <td>{view.streamLabels[stream] ?? stream}</td>
                  <td className="numeric">{formatCount(c?.read ?? 0)}</td>
                  <td className="numeric">{formatCount(c?.created ?? 0)}</td>
                  <td className="numeric">{formatCount(c?.updated ?? 0)}</td>
                  <td className="muted">{c?.done ? "Done" : c ? "Reading…" : "Waiting"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
