import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface IssueChangedEmail {
  /** What the issue is about: a connection's name, or "the webhook endpoint https://…". */
  about: string;
  /** The problem in people's words, e.g. "Token rejected". */
  title: string;
  /** What was last seen (an error message, what was lost), if anything. */
  detail: string | null;
  /** What to do, in words. */
  remedy: string;
  at: Date;
  /** The place that fixes it (the rotate form, the webhook settings…). */
  fix: { label: string; url: string };
  /** Settings → Integrations → Issues. */
  issuesUrl: string;
}

/** An integration issue was opened: what is wrong, what to do, and a link to the form that fixes it. */
export function issueOpened(input: IssueChangedEmail): EmailContent {
  return renderEmail(`Issue opened: ${input.title} — ${input.about}`, {
    intro: [`Roster found a problem with ${input.about}: ${input.title.toLowerCase()}.`, `What to do: ${input.remedy}`],
    facts: [
      ["Affects", input.about],
      ["Problem", input.title],
      ...(input.detail ? ([["Last seen", input.detail]] as [string, string][]) : []),
      ["Since", formatUtc(input.at)],
    ],
    action: input.fix,
    links: [{ label: "All integration issues", url: input.issuesUrl }],
    outro: ["Roster closes the issue on its own once the next sync or delivery works, and tells you."],
  });
}

/** An integration issue closed on its own: the next sync, export or delivery worked. */
export function issueResolved(input: Omit<IssueChangedEmail, "remedy" | "detail" | "fix">): EmailContent {
  return renderEmail(`Issue resolved: ${input.title} — ${input.about}`, {
    intro: [`The problem "${input.title}" with ${input.about} is resolved: Roster saw it work again.`],
    facts: [
      ["Affects", input.about],
      ["Problem", input.title],
      ["Resolved at", formatUtc(input.at)],
    ],
    action: { label: "View integration issues", url: input.issuesUrl },
  });
}
