/**
 * BambooHR's list fields (`GET /v1/meta/lists`, reference §2.5): departments, divisions,
 * locations, job titles, termination types… Employee records name a list value by its text
 * (`"department": "Engineering"`), so the option ids Roster links by come from here.
 */
import { rawListField, rawListOption } from "../raw";

export interface ListOption {
  id: string;
  name: string;
  archived: boolean;
}

export interface ListIndex {
  /** By listKey of the list's alias (or, without one, its name): "department", "jobtitle"… */
  byAlias: Record<string, ListOption[]>;
  /** By the list's field id, e.g. a custom list field's options. */
  byFieldId: Record<string, ListOption[]>;
}

/** An option's `archived` is "yes"/"no" in the reference, a boolean in some clients. */
function isArchived(value: string | boolean | null | undefined): boolean {
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "yes");
}

/** No lists: every name lookup finds nothing. */
export const emptyListIndex: ListIndex = { byAlias: {}, byFieldId: {} };

/** Builds the index from `meta/lists` entries; unreadable entries and nameless options are skipped. */
export function buildListIndex(entries: readonly unknown[]): ListIndex {
  const index: ListIndex = { byAlias: {}, byFieldId: {} };
  for (const entry of entries) {
    const list = rawListField.safeParse(entry);
    if (!list.success) continue;
    const options: ListOption[] = [];
    for (const raw of list.data.options ?? []) {
      const option = rawListOption.safeParse(raw);
      const name = option.success ? option.data.name?.trim() : undefined;
      if (option.success && name) options.push({ id: option.data.id, name, archived: isArchived(option.data.archived) });
    }
    const key = listKey(list.data.alias ?? list.data.name ?? "");
    if (key) index.byAlias[key] = options;
    if (list.data.fieldId) index.byFieldId[list.data.fieldId] = options;
  }
  return index;
}

/** Lists are found by alias, or by name where a list has no alias: "Job Title" and "jobTitle" meet as "jobtitle". */
export function listKey(aliasOrName: string): string {
  return aliasOrName.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hasList(index: ListIndex, alias: string): boolean {
  return Object.hasOwn(index.byAlias, listKey(alias));
}

export function optionsOf(index: ListIndex, alias: string): ListOption[] {
  return hasList(index, alias) ? index.byAlias[listKey(alias)]! : [];
}

/**
 * The option a list value names. Names are matched exactly first, then ignoring case and
 * surrounding spaces; a current option wins over an archived one of the same name.
 */
export function findOption(options: readonly ListOption[], name: string | null): ListOption | null {
  if (name === null) return null;
  const exact = options.filter((o) => o.name === name);
  const loose = exact.length > 0 ? exact : options.filter((o) => o.name.trim().toLowerCase() === name.trim().toLowerCase());
  return loose.find((o) => !o.archived) ?? loose[0] ?? null;
}
