/**
 * Lever keeps one `name` string per candidate (reference §4, §6: "split on last space, allow
 * override"). The last word is the last name, the rest the first name; a single word (common
 * for CJK names written without spaces) gives a first name and no last name.
 */
export function splitName(name: string | null | undefined): { firstName: string | null; lastName: string | null } {
  const trimmed = name?.trim().replace(/\s+/g, " ") ?? "";
  if (trimmed === "") return { firstName: null, lastName: null };
  const cut = trimmed.lastIndexOf(" ");
  if (cut < 0) return { firstName: trimmed, lastName: null };
  return { firstName: trimmed.slice(0, cut), lastName: trimmed.slice(cut + 1) };
}
