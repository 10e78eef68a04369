import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface InviteEmail {
  organisationName: string;
  /** Who sent the invite; null when unknown (e.g. the inviter was deleted). */
  inviterName: string | null;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
}

export function invite(input: InviteEmail): EmailContent {
  const who = input.inviterName ? `${input.inviterName} invited you` : "You are invited";
  return renderEmail(`You're invited to ${input.organisationName} on Roster`, {
    intro: [`${who} to join ${input.organisationName} on Roster as ${input.role}.`],
    facts: [
      ["Organisation", input.organisationName],
      ["Role", input.role],
      ["Expires", formatUtc(input.expiresAt)],
    ],
    action: { label: "Accept invite", url: input.acceptUrl },
    outro: ["If you did not expect this invite, you can ignore this email."],
  });
}
