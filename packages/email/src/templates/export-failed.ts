import { type EmailContent, renderEmail } from "./render";

export interface ExportFailedEmail {
  /** The hired candidate that could not be exported to the HRIS. */
  candidateName: string;
  reason: string;
  /** Where the export (and a retry) can be seen in the dashboard. */
  url: string;
  /** The target HRIS connection, when known. */
  connectionName?: string | null;
}

export function exportFailed(input: ExportFailedEmail): EmailContent {
  const target = input.connectionName ? ` to ${input.connectionName}` : "";
  return renderEmail(`Export failed: ${input.candidateName}`, {
    intro: [`Roster could not export the new hire ${input.candidateName}${target}.`],
    facts: [
      ["Candidate", input.candidateName],
      ["Reason", input.reason],
    ],
    action: { label: "View export", url: input.url },
    outro: ["Fix the cause in the HRIS or the ATS, then retry the export from the dashboard."],
  });
}
