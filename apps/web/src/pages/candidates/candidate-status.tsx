import { StatusBadge, type Tone } from "../../components/status-badge";
import type { RouterOutputs } from "../../trpc";

export type CandidatesPage = RouterOutputs["lever"]["candidates"];
export type CandidateRow = CandidatesPage["candidates"][number];
export type CandidateStatus = CandidateRow["status"];

export const statusLabels: Record<CandidateStatus, string> = {
  active: "In process",
  offer: "Offer",
  hired: "Hired",
  archived: "Archived",
};

const tones: Record<CandidateStatus, Tone> = { active: "neutral", offer: "info", hired: "success", archived: "neutral" };

export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return <StatusBadge tone={tones[status]}>{statusLabels[status]}</StatusBadge>;
}
