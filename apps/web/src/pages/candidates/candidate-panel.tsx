import { Card } from "../../components/card";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { formatDateTime } from "../../format";
import { trpc } from "../../trpc";
import { type CandidateRow, CandidateStatusBadge } from "./candidate-status";
import { TransferEntry } from "./transfer-story";

/**
 * One candidate's details, opened from the table. The transfer story (what was sent to
 * Zenefits, when, the outcome) is shown only to those who may see it; for everyone else the
 * section is not rendered and never requested (the API would refuse it anyway).
 */
export function CandidatePanel({
  candidate,
  transfersVisible,
  live,
  onClose,
}: {
  candidate: CandidateRow;
  transfersVisible: boolean;
  /** Poll the story (right after Send to Zenefits, while the export runs). */
  live: boolean;
  onClose: () => void;
}) {
  return (
    <Card
      title={
        <span className="title-with-badge">
          {candidate.name} <CandidateStatusBadge status={candidate.status} />
        </span>
      }
      footer={
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close
        </button>
      }
    >
      <section className="stack" aria-label={`Candidate ${candidate.name}`} data-testid="candidate-panel">
        <dl className="sent-fields">
          <dt>Job</dt>
          <dd>{candidate.jobTitle ?? "—"}</dd>
          <dt>Location</dt>
          <dd>{candidate.jobLocation ?? "—"}</dd>
          <dt>Stage in Lever</dt>
          <dd>{candidate.stage ?? "—"}</dd>
          {"email" in candidate && candidate.email ? (
            <>
              <dt>Email</dt>
              <dd>{candidate.email}</dd>
            </>
          ) : null}
          {candidate.hiredAt ? (
            <>
              <dt>Hired</dt>
              <dd>{formatDateTime(candidate.hiredAt)}</dd>
            </>
          ) : null}
          <dt>Lever id</dt>
          <dd className="monospace">{candidate.opportunityId}</dd>
        </dl>
        {transfersVisible ? <TransferStorySection candidateId={candidate.id} live={live} /> : null}
      </section>
    </Card>
  );
}

function TransferStorySection({ candidateId, live }: { candidateId: string; live: boolean }) {
  const story = trpc.lever.transfers.useQuery({ candidateId }, { refetchInterval: live ? 1_500 : false });
  return (
    <section aria-labelledby="transfer-story-title" data-testid="transfer-story">
      <h3 id="transfer-story-title" className="section-title">
        Sent to Zenefits
      </h3>
      <p className="muted small">Visible to owners, admins and members with sensitive-data access only.</p>
      {story.isPending ? (
        <Loading label="Loading the transfer story…" />
      ) : story.isError ? (
        <ErrorState problem={apiProblem(story.error)} onRetry={() => void story.refetch()} />
      ) : story.data.length === 0 ? (
        <EmptyState title="Not sent to Zenefits yet">
          <p>Hires are sent automatically; in Zenefits offers mode, Offer candidates can be sent by hand.</p>
        </EmptyState>
      ) : (
        <ul className="story">
          {story.data.map((transfer, index) => (
            <TransferEntry key={transfer.id} transfer={transfer} expanded={index === 0} />
          ))}
        </ul>
      )}
    </section>
  );
}
