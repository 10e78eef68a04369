import { type EmailContent, formatUtc, renderEmail } from "./render";

export interface ConnectLinkRequestEmail {
  /** The owner who sent it, as the dashboard knows them. */
  requesterName: string;
  requesterEmail: string;
  organisationName: string;
  providerName: string;
  /** The single-use connect link (/connect/<token>). */
  url: string;
  expiresAt: Date;
  /** The owner's own words, if they wrote any. */
  note: string | null;
}

/**
 * An owner asks whoever holds the provider's admin rights to connect it: the link opens Roster's
 * connect page, where the token is pasted straight into Roster. The email says so, so that
 * nobody sends a token back by email.
 */
export function connectLinkRequest(input: ConnectLinkRequestEmail): EmailContent {
  const who = `${input.requesterName} (${input.requesterEmail})`;
  return renderEmail(`${input.requesterName} asks you to connect ${input.providerName} to Roster for ${input.organisationName}`, {
    intro: [
      `${who} asks you to connect ${input.organisationName}'s ${input.providerName} account to Roster, which keeps a copy of the company directory for ${input.organisationName}.`,
      ...(input.note ? [`Their note: “${input.note}”`] : []),
    ],
    facts: [
      ["Requested by", who],
      ["Organisation", input.organisationName],
      ["Provider", input.providerName],
      ["Link expires", formatUtc(input.expiresAt)],
    ],
    action: { label: `Connect ${input.providerName}`, url: input.url },
    outro: [
      `The link opens a page where you create the ${input.providerName} credentials and paste them straight into Roster, which checks them and stores them encrypted. You never need to send the token or key to anyone, ${input.requesterName} included, and nobody from Roster will ask you for it.`,
      "The link works once, needs no Roster account, and stops working when it expires or is revoked. If you did not expect this email, ignore it.",
    ],
  });
}
