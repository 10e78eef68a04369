import { type BinaryRows, type Db, type RawBuilder, selectRawFields, sql } from "@roster/db";
import type { ResourceDefinition, ShapeOptions } from "../resources/resource";
import { JsonBytes, typeOids, uuidText, writableTypes, writeValue } from "./json-from-binary";

export interface PageQuery {
  organisationId: string;
  shape: ShapeOptions;
  /** Filter conditions on the row `r`, already bound to their values. */
  conditions: RawBuilder<boolean>[];
  modifiedAfter: string | null;
  includeDeleted: boolean;
  after: string | null;
  pageSize: number;
  /** The next_cursor of a page ending at this id. */
  nextCursor(lastId: string): string;
}

export interface ListPage {
  /** The id to continue after; null on the last page. */
  lastId: string | null;
  /** The response, whole: `{"data":[…],"next_cursor":…}`. */
  body: Buffer;
}

/** A resource's record in one shape: its fields' names, the SQL of each, and the type that SQL gives. */
interface RecordPlan {
  names: string[];
  /** `{"name":` for the first field, `,"name":` for the others, as bytes. */
  keys: Buffer[];
  columns: RawBuilder<unknown>[];
  types: number[];
  /** Per field: its type is one of repeatableTypes. */
  repeatable: boolean[];
}

/** Types of a fixed width whose JSON is worth reusing when a row repeats the value of the row before (a connection, a sync's timestamps). */
const repeatableTypes: ReadonlySet<number> = new Set([typeOids.uuid, typeOids.timestamptz, typeOids.date]);

const plans = new Map<string, Promise<RecordPlan>>();

export const shapeKey = (shape: ShapeOptions) =>
  `${shape.sensitive ? "s" : ""}${shape.includeRemoteData ? "r" : ""}:${[...shape.expand].sort().join(",")}`;

/**
 * The columns of a record's fields, once per resource and shape: the type of each field's SQL
 * is asked of PostgreSQL (pg_typeof of a typed NULL, so an empty table answers too); a field of
 * a type json-from-binary.ts does not write is asked for as to_json instead.
 */
function recordPlan(db: Db, resource: ResourceDefinition, shape: ShapeOptions): Promise<RecordPlan> {
  const key = `${resource.path}|${shapeKey(shape)}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = (async () => {
      const fields = resource.fields(shape);
      const expressions = fields.map(([, expression]) => expression("r"));
      const { rows } = await sql<Record<string, number>>`
        select ${sql.join(expressions.map((_, i) => sql`pg_typeof(x.${sql.ref(`f${i}`)})::oid::int as ${sql.ref(`t${i}`)}`))}
        from (select 1) one left join (
          select ${sql.join(expressions.map((e, i) => sql`${e} as ${sql.ref(`f${i}`)}`))} from ${sql.table(resource.table)} r limit 0
        ) x on true`.execute(db);
      const types = fields.map((_, i) => Number(rows[0]![`t${i}`]));
      const names = fields.map(([name]) => name);
      return {
        names,
        keys: names.map((name, i) => Buffer.from(`${i === 0 ? "{" : ","}${JSON.stringify(name)}:`)),
        columns: expressions.map((e, i) => (writableTypes.has(types[i]!) ? e : sql`to_json(${e})`)),
        types: types.map((t) => (writableTypes.has(t) ? t : typeOids.json)),
        repeatable: types.map((t) => repeatableTypes.has(t)),
      };
    })();
    plans.set(key, plan);
    plan.catch(() => plans.delete(key));
  }
  return plan;
}

/**
 * One page of a resource in id order: a keyset walk on (organisation_id, id), so page 1,000
 * costs what page 1 does. PostgreSQL sends the plain columns as a binary COPY and the API
 * writes each record's JSON from those bytes (json-from-binary.ts): neither side builds JSON
 * text only to have it decoded into strings and encoded back.
 */
export async function readPage(db: Db, resource: ResourceDefinition, query: PageQuery): Promise<ListPage> {
  const plan = await recordPlan(db, resource, query.shape);
  const where: RawBuilder<boolean>[] = [sql`r.organisation_id = ${query.organisationId}`, ...query.conditions];
  if (query.after !== null) where.push(sql`r.id > ${query.after}::uuid`);
  if (resource.softDeleted && !query.includeDeleted) where.push(sql`r.remote_deleted_at is null`);
  if (query.modifiedAfter !== null && resource.modifiedColumn) {
    where.push(sql`${sql.ref(`r.${resource.modifiedColumn}`)} > ${query.modifiedAfter}::timestamptz`);
  }
  const rows = await selectRawFields(
    db,
    sql`select r.id, ${sql.join(plan.columns)}
    from ${sql.table(resource.table)} r
    where ${sql.join(where, sql` and `)}
    order by r.id
    limit ${query.pageSize + 1}`,
  );
  const more = rows.length > query.pageSize;
  const count = more ? query.pageSize : rows.length;
  const lastId = more ? uuidText(rows.data, rows.start(count - 1, 0)) : null;
  return {
    lastId,
    body: listBody(rows, count, plan, lastId === null ? "null" : JSON.stringify(query.nextCursor(lastId))),
  };
}

/**
 * Writes records of a page: field 0 of a row is its id, the plan's fields follow. A field of a
 * repeatable type whose bytes equal the previous row's copies the JSON written for it then.
 */
class RecordWriter {
  /** Per field: where its JSON was last written in the output (start, end), -1 when it was not. */
  private readonly written: Int32Array;

  constructor(
    private readonly out: JsonBytes,
    private readonly rows: BinaryRows,
    private readonly plan: RecordPlan,
  ) {
    this.written = new Int32Array(plan.keys.length * 2).fill(-1);
  }

  write(row: number): void {
    const { out, plan, written } = this;
    const { data, bounds, fieldCount } = this.rows;
    const keys = plan.keys;
    const rowAt = row * fieldCount * 2 + 2;
    for (let field = 0; field < keys.length; field++) {
      const key = keys[field]!;
      out.bytes(key, 0, key.length);
      const start = bounds[rowAt + field * 2]!;
      if (start === -1) {
        out.ascii("null");
        continue;
      }
      const end = bounds[rowAt + field * 2 + 1]!;
      if (!plan.repeatable[field]) {
        writeValue(out, plan.types[field]!, data, start, end);
        continue;
      }
      const previous = row > 0 && written[field * 2]! !== -1 ? bounds[rowAt - fieldCount * 2 + field * 2]! : -1;
      if (previous !== -1 && sameBytes(data, previous, start, end - start)) {
        const from = written[field * 2]!;
        const to = written[field * 2 + 1]!;
        out.room(to - from).copyWithin(out.length, from, to);
        written[field * 2] = out.length;
        out.length += to - from;
        written[field * 2 + 1] = out.length;
      } else {
        written[field * 2] = out.length;
        writeValue(out, plan.types[field]!, data, start, end);
        written[field * 2 + 1] = out.length;
      }
    }
    out.byte(0x7d);
  }
}

function sameBytes(data: Buffer, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (data[a + i] !== data[b + i]) return false;
  return true;
}

/** `{"data":[<records>],"next_cursor":<next>}`, each record written from its binary columns. */
function listBody(rows: BinaryRows, count: number, plan: RecordPlan, nextCursorJson: string): Buffer {
  const keysLength = plan.keys.reduce((sum, key) => sum + key.length, 0);
  // Room for the values as sent plus the keys; JsonBytes grows if escapes or dates need more.
  const out = new JsonBytes(rows.data.length * 1.3 + count * (keysLength + 2) + 64);
  out.ascii('{"data":[');
  const records = new RecordWriter(out, rows, plan);
  for (let row = 0; row < count; row++) {
    if (row > 0) out.byte(0x2c);
    records.write(row);
  }
  out.utf8(`],"next_cursor":${nextCursorJson}}`);
  return out.done();
}

/** One record of the organisation by id (deleted ones too: they carry remote_deleted_at), or null; written as a page's records are. */
export async function readOne(
  db: Db,
  resource: ResourceDefinition,
  organisationId: string,
  id: string,
  shape: ShapeOptions,
): Promise<Buffer | null> {
  const plan = await recordPlan(db, resource, shape);
  const rows = await selectRawFields(
    db,
    sql`select r.id, ${sql.join(plan.columns)}
    from ${sql.table(resource.table)} r
    where r.organisation_id = ${organisationId} and r.id = ${id}::uuid`,
  );
  if (rows.length === 0) return null;
  const out = new JsonBytes(rows.data.length * 1.3 + 256);
  new RecordWriter(out, rows, plan).write(0);
  return out.done();
}
