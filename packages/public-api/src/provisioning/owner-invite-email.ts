const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => entities[ch]!);

/** The owner invite a platform sends on a customer's behalf (no inviting person to name). */
export function ownerInviteEmail(facts: { organisationName: string; link: string; expiresAt: Date }) {
  const expires = facts.expiresAt.toUTCString();
  const subject = `You are invited to own ${facts.organisationName} on Roster`;
  const text = [
    `You are invited to join ${facts.organisationName} on Roster as its owner.`,
    "",
    `Accept the invitation: ${facts.link}`,
    "",
    `The link works once and expires ${expires}. If you did not expect this email, ignore it.`,
  ].join("\n");
  const html = [
    `<p>You are invited to join <strong>${escapeHtml(facts.organisationName)}</strong> on Roster as its owner.</p>`,
    `<p><a href="${escapeHtml(facts.link)}">Accept the invitation</a></p>`,
    `<p>The link works once and expires ${escapeHtml(expires)}. If you did not expect this email, ignore it.</p>`,
  ].join("\n");
  return { subject, text, html };
}
