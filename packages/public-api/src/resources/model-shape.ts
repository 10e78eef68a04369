import { z } from "@hono/zod-openapi";
import { type RawBuilder, sql } from "@roster/db";

/** `departmentRemoteId` → `department_remote_id`, in types too. */
type Snake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Tail>}`
  : S;

export type SnakeShape<T> = { [K in keyof T as Snake<K & string>]: T[K] };

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The API's fields of a unified model, taken from the zod schema the sync writes
 * (packages/core/src/model): each field snake_cased, which is also its column's name. A field
 * added to the model appears in the API, its OpenAPI document and its SQL at once.
 */
export function snakeShape<T extends z.ZodRawShape>(shape: T): SnakeShape<T> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [snakeCase(key), schema])) as SnakeShape<T>;
}

/**
 * One field of a resource's JSON: its name and the SQL that computes it from the row, given
 * the row's alias (a nested object reads its own row under another alias).
 */
export type JsonField = readonly [name: string, expression: (row: string) => RawBuilder<unknown>];

/** Columns of the row named as the shape's keys. */
export const columnFields = (shape: z.ZodRawShape): JsonField[] =>
  Object.keys(shape).map((name) => [name, (row: string) => sql.ref(`${row}.${name}`)] as const);

/** A column of the row under another name. */
export const column =
  (name: string) =>
  (row: string): RawBuilder<unknown> =>
    sql.ref(`${row}.${name}`);

/** The row's fields as one JSON object, to nest in another record (expand=). */
export function nestedObject(fields: readonly JsonField[], row: string): RawBuilder<unknown> {
  return sql`json_build_object(${sql.join(fields.flatMap(([name, expression]) => [sql.lit(name), expression(row)]))})`;
}

export const uuid = () => z.uuid();
export const timestamp = () => z.iso.datetime({ offset: true });
