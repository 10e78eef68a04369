/** A connector's logo as its manifest carries it: an SVG image inline, so no page loads it from elsewhere. */
export type LogoDataUri = `data:image/svg+xml,${string}`;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * A plain square mark: the provider's initial in white on its colour. Not the provider's own
 * logo (that is its trademark); enough to find it in a list at a glance.
 * @example logo: letterMark("Z", "#e8553d")
 */
export function letterMark(letter: string, background: `#${string}`): LogoDataUri {
  const text = letter.slice(0, 2).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">` +
    `<rect width="48" height="48" rx="10" fill="${background.replace(/[^#0-9a-fA-F]/g, "")}"/>` +
    `<text x="24" y="32" font-family="Arial,Helvetica,sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${text}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
