import { useEffect, useState } from "react";
import { Link } from "wouter";
import { canSee } from "../../access";
import { Card } from "../../components/card";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { RowMenu } from "../../components/row-menu";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { Toasts, useToasts } from "../../components/toast";
import { apiProblem } from "../../errors";
import { formatCount } from "../../format";
import { paths } from "../../paths";
import { useSession } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { useDebouncedValue } from "../directory/use-debounced-value";
import { CandidatePanel } from "./candidate-panel";
import { type CandidateRow, CandidateStatusBadge, type CandidatesPage as PageData, statusLabels } from "./candidate-status";
import { SentToZenefitsBadge, TransferOutcomeBadge } from "./transfer-story";

type Filter = "all" | "active" | "offer" | "hired" | "archived";
const filters: Filter[] = ["all", "active", "offer", "hired", "archived"];
/** After Send to Zenefits, the page watches the export this long (the worker usually needs a few seconds). */
const WATCH_MS = 45_000;
const CANDIDATES_LIMIT = 200;

/** /candidates (every member): the candidates synced from Lever, and "Send to Zenefits" in Zenefits offers mode. */
export function CandidatesPage() {
  useTitle("Candidates");
  return (
    <RequireAccess page="candidates">
      <PageHeader title="Candidates" description="Your candidates in Lever, synced every day." />
      <Candidates />
    </RequireAccess>
  );
}

function Candidates() {
  const { active } = useSession();
  const utils = trpc.useUtils();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CandidateRow | null>(null);
  const [watchUntil, setWatchUntil] = useState(0);
  const watching = watchUntil > Date.now();
  const { toasts, show } = useToasts();

  const page = trpc.lever.candidates.useQuery(
    { status: filter, search: debounced, limit: CANDIDATES_LIMIT },
    {
      placeholderData: (previous) => previous,
      // Watch an export after Send to Zenefits; before the first sync has brought anyone, wait for it.
      refetchInterval: (q) => (watching ? 1_500 : q.state.data?.connected && q.state.data.counts.all === 0 ? 3_000 : false),
    },
  );
  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => setWatchUntil(0), watchUntil - Date.now());
    return () => clearTimeout(timer);
  }, [watching, watchUntil]);

  const send = trpc.lever.sendToZenefits.useMutation({
    onSuccess: (_result, input) => {
      const row = page.data?.candidates.find((c) => c.id === input.candidateId);
      show(`${row?.name ?? "The candidate"} is on the way to Zenefits.`);
      setWatchUntil(Date.now() + WATCH_MS);
      setSelected(input.candidateId);
      void utils.lever.transfers.invalidate();
    },
    onError: (error) => show(apiProblem(error).message, "error"),
    onSettled: () => setConfirming(null),
  });

  if (page.isPending) return <Loading label="Loading candidates…" />;
  if (page.isError) return <ErrorState problem={apiProblem(page.error)} onRetry={() => void page.refetch()} />;
  const data = page.data;
  if (!data.connected) {
    return (
      <Card>
        <EmptyState
          title="Lever is not connected"
          action={
            // Admins may read Lever's settings, but only owners can save them: no button that leads to a refusal.
            canSee("hrisSettings", active) ? (
              <Link href={paths.integration("lever")} className="button button-primary">
                Set up Lever
              </Link>
            ) : (
              <p className="muted">An owner of your organisation can connect it.</p>
            )
          }
        >
          <p>Once Lever is connected, its candidates appear here.</p>
        </EmptyState>
      </Card>
    );
  }

  const selectedRow = data.candidates.find((c) => c.id === selected) ?? null;
  const offer = (row: CandidateRow) => row.sendToZenefitsOffered && data.canSend;

  return (
    <>
      <ModeNotice data={data} />
      <nav className="tabs" aria-label="Candidate status">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            className={filter === f ? "tab tab-button active" : "tab tab-button"}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {f === "all" ? "All" : statusLabels[f]} <span className="muted">({formatCount(data.counts[f])})</span>
          </button>
        ))}
      </nav>
      <div className="filters">
        <div className="field">
          <label htmlFor="candidate-search">Search</label>
          <input
            id="candidate-search"
            type="search"
            placeholder="Name or job"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      <Card>
        {data.candidates.length === 0 ? (
          <EmptyState title="No candidates here">
            <p>{data.counts.all === 0 ? "The first sync from Lever has not finished yet." : "Try another status or search."}</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Candidates">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Job</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Status</th>
                  {data.transfersVisible ? <th scope="col">Zenefits</th> : null}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((row) => (
                  <tr key={row.id} className={row.id === selected ? "selected" : undefined}>
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelected(row.id)}>
                        {row.name}
                      </button>
                    </td>
                    <td>{row.jobTitle ?? <span className="muted">—</span>}</td>
                    <td>{row.stage ?? <span className="muted">—</span>}</td>
                    <td>
                      <CandidateStatusBadge status={row.status} />
                    </td>
                    {data.transfersVisible ? (
                      <td>
                        <ZenefitsCell row={row} />
                      </td>
                    ) : null}
                    <td>
                      <div className="row-actions">
                        {offer(row) ? (
                          <button
                            type="button"
                            className="button button-secondary"
                            disabled={send.isPending}
                            onClick={() => setConfirming(row)}
                          >
                            Send to Zenefits
                          </button>
                        ) : null}
                        <RowMenu
                          label={`Actions for ${row.name}`}
                          items={[
                            { label: "View details", onSelect: () => setSelected(row.id) },
                            ...(offer(row) ? [{ label: "Send to Zenefits", onSelect: () => setConfirming(row) }] : []),
                          ]}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.candidates.length >= CANDIDATES_LIMIT ? (
              <p className="muted small table-note">Showing the first {data.candidates.length}: search to narrow them down.</p>
            ) : null}
          </div>
        )}
      </Card>
      {selectedRow ? (
        <CandidatePanel
          key={selectedRow.id}
          candidate={selectedRow}
          transfersVisible={data.transfersVisible}
          live={watching}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={`Send ${confirming?.name ?? "this candidate"} to Zenefits?`}
        onClose={() => setConfirming(null)}
        actions={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={send.isPending}
              onClick={() => confirming && send.mutate({ candidateId: confirming.id })}
            >
              {send.isPending ? "Sending…" : "Send now"}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </>
        }
      >
        <p>
          Roster reads the candidate from Lever and adds them to Zenefits' import list now, so the offer can be made in Zenefits.
          A candidate is sent by hand once; their hire follows by itself when Lever shows them hired.
        </p>
      </ConfirmDialog>
      <Toasts toasts={toasts} />
    </>
  );
}

/**
 * An export on its way or failed shows as such (it needs attention); otherwise the latest
 * successful send ("Hired · sent to Zenefits 3 Nov 2026"), else a dash.
 */
function ZenefitsCell({ row }: { row: CandidateRow }) {
  const transfer = "transfer" in row ? row.transfer : null;
  const sent = "sentToZenefits" in row ? row.sentToZenefits : null;
  if (transfer && transfer.status !== "succeeded") return <TransferOutcomeBadge status={transfer.status} />;
  if (sent) return <SentToZenefitsBadge sent={sent} />;
  if (transfer) return <TransferOutcomeBadge status={transfer.status} />;
  return <span className="muted">—</span>;
}

function ModeNotice({ data }: { data: PageData }) {
  if (!data.exportsEnabled) {
    return (
      <div className="notice notice-neutral mode-notice" data-testid="offers-mode">
        The Lever integration is turned off: nothing is sent to Zenefits.
      </div>
    );
  }
  return (
    <div className="notice notice-neutral mode-notice" data-testid="offers-mode">
      {data.offersMode === "zenefits" ? (
        <>
          <strong>Zenefits offers:</strong> candidates in Lever's Offer stage can be sent to Zenefits now, to make the offer
          there. Hires are sent automatically.
        </>
      ) : (
        <>
          <strong>Lever offers:</strong> offers are made in Lever; Roster sends each candidate to Zenefits once hired.
        </>
      )}
    </div>
  );
}
