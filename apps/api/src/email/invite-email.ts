import type { Role } from "@roster/db";
import { escapeHtml } from "./escape-html";

export interface InviteEmailFacts {
  organisationName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

const roleWords: Record<Role, string> = { owner: "an owner", admin: "an admin", member: "a member" };

export function inviteEmail(facts: InviteEmailFacts): { subject: string; text: string; html: string } {
  const expires = facts.expiresAt.toUTCString();
  const subject = `${facts.inviterName} invited you to ${facts.organisationName} on Roster`;
  const text = [
    `${facts.inviterName} invited you to join ${facts.organisationName} on Roster as ${roleWords[facts.role]}.`,
    "",
    `Accept the invitation: ${facts.link}`,
    "",
    `The link works once and expires ${expires}. If you did not expect this email, ignore it.`,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(facts.inviterName)} invited you to join <strong>${escapeHtml(facts.organisationName)}</strong> on Roster as ${roleWords[facts.role]}.</p>`,
    `<p><a href="${escapeHtml(facts.link)}">Accept the invitation</a></p>`,
    `<p>The link works once and expires ${escapeHtml(expires)}. If you did not expect this email, ignore it.</p>`,
  ].join("\n");
  return { subject, text, html };
}
