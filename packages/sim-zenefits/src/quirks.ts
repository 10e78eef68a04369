/**
 * Behaviours the reference leaves open, chosen per simulator so a client can be tried
 * against each reading (README "Configurable where the reference is unsure").
 */
export interface Quirks {
  /**
   * Also serve `/core/person/{id}/custom_field_values` (singular), which one connector's doc
   * review claims; reference §5 marks the person-scoped path a conflict. Default false: only
   * the plural `/core/people/{id}/custom_field_values` (the Elixir client's form).
   */
  singularPersonPath: boolean;
  /**
   * A person field whose sub-scope the token lacks (reference §1b: null, omitted or 403 is
   * unconfirmed): "null" (default) keeps the key with null (refs keep their shape, url null);
   * "omit" leaves the key out.
   */
  hiddenFields: "null" | "omit";
}

export const DEFAULT_QUIRKS: Readonly<Quirks> = { singularPersonPath: false, hiddenFields: "null" };
