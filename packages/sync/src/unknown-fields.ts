import { type Connector, fieldLabel, type ModelName, modelLabels } from "@roster/core";

/** Marks a whole collection in connection_stale_fields: the stream itself was not read. */
export const WHOLE_COLLECTION = "*";

/** A field (or, with WHOLE_COLLECTION, a stream) this run does not keep current, and the permission it needs. */
export interface UnknownField {
  stream: string;
  model: ModelName;
  field: string;
  /** In people's words: the field's label, or the collection's name. */
  label: string;
  permission: string;
  permissionLabel: string;
}

/**
 * What a run cannot keep current with the permissions verify granted: every stream that
 * requires an ungranted permission (whole), and each field an ungranted permission feeds in
 * the streams that are read. A permission verify did not report as granted counts as not
 * granted: a field is only written when the token is known to read it.
 */
export function unknownFields(connector: Connector, granted: readonly string[]): UnknownField[] {
  const has = new Set(granted);
  const permissionLabel = (id: string) => connector.manifest.permissions.find((p) => p.id === id)?.label ?? id;
  const unknown: UnknownField[] = [];
  for (const [stream, definition] of Object.entries(connector.streams)) {
    const missing = (definition.requires ?? []).find((permission) => !has.has(permission));
    if (missing !== undefined) {
      unknown.push({
        stream,
        model: definition.model,
        field: WHOLE_COLLECTION,
        label: modelLabels[definition.model].many,
        permission: missing,
        permissionLabel: permissionLabel(missing),
      });
      continue;
    }
    for (const [permission, fields] of Object.entries(definition.fieldsByPermission ?? {})) {
      if (has.has(permission)) continue;
      for (const field of fields) {
        unknown.push({
          stream,
          model: definition.model,
          field,
          label: fieldLabel(definition.model, field),
          permission,
          permissionLabel: permissionLabel(permission),
        });
      }
    }
  }
  return unknown;
}

/**
 * The columns of a stream's table that a run must leave as stored on update: those written
 * from a field the stream omits or the token cannot read. A new record still gets them, with
 * the mapper's value (null: unknown).
 */
export function columnsKeptAsStored(
  spec: { columns: readonly { column: string; field?: string }[] },
  stream: { omits?: readonly string[] },
  unknown: readonly UnknownField[],
): Set<string> {
  const fields = new Set<string>([...(stream.omits ?? []), ...unknown.map((u) => u.field)]);
  return new Set(spec.columns.filter((c) => c.field !== undefined && fields.has(c.field)).map((c) => c.column));
}

/** The labels of a stored stale field, as unknownFields would give them now. */
export function staleFieldLabels(
  connector: Connector,
  stale: { model: string; field: string; permission: string },
): { label: string; permissionLabel: string } {
  const model = stale.model as ModelName;
  return {
    label: stale.field === WHOLE_COLLECTION ? (modelLabels[model]?.many ?? stale.model) : fieldLabel(model, stale.field),
    permissionLabel: connector.manifest.permissions.find((p) => p.id === stale.permission)?.label ?? stale.permission,
  };
}
