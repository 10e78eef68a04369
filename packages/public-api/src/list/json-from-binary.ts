/**
 * PostgreSQL values in COPY's binary format written as the JSON PostgreSQL's own to_json would
 * give (session time zone UTC), straight into the response's bytes. PostgreSQL building each
 * record's JSON costs it about three times what sending the plain columns does; writing it here
 * from the binary columns costs the API less than decoding that JSON into strings would.
 * Types not listed in `writableTypes` are not read here: the page's query asks PostgreSQL for
 * their JSON instead (to_json), which arrives as a json value and is copied as it is.
 */

/** Type OIDs (pg_type.oid, fixed for built-in types) this file writes. */
export const typeOids = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  json: 114,
  varchar: 1043,
  date: 1082,
  timestamptz: 1184,
  uuid: 2950,
  jsonb: 3802,
} as const;

export const writableTypes: ReadonlySet<number> = new Set(Object.values(typeOids));

/**
 * A growing byte buffer for one response. Short pieces are copied byte by byte in JS: a record
 * is dozens of small pieces, and a native call per piece costs more than the copying.
 */
export class JsonBytes {
  private buffer: Buffer;
  length = 0;

  constructor(initialSize: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(256, Math.ceil(initialSize)));
  }

  /** Makes room for `extra` more bytes and answers the buffer: the caller writes from `length` on and moves it. */
  room(extra: number): Buffer {
    this.ensure(extra);
    return this.buffer;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }

  /** Text of code units below 0x80 only (keys, digits, punctuation). */
  ascii(text: string): void {
    this.ensure(text.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** A non-negative integer, zero-padded to `width` digits, written without making a string. */
  digits(value: number, width: number): void {
    let count = 1;
    for (let rest = Math.floor(value / 10); rest > 0; rest = Math.floor(rest / 10)) count++;
    const length = Math.max(count, width);
    this.ensure(length);
    let at = this.length + length;
    this.length = at;
    for (let i = 0; i < length; i++) {
      this.buffer[--at] = 0x30 + (value % 10);
      value = Math.floor(value / 10);
    }
  }

  utf8(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.ensure(bytes);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  bytes(source: Uint8Array, start: number, end: number): void {
    const count = end - start;
    this.ensure(count);
    if (count > 64) {
      this.buffer.set(source.subarray(start, end), this.length);
      this.length += count;
      return;
    }
    const buffer = this.buffer;
    let at = this.length;
    for (let i = start; i < end; i++) buffer[at++] = source[i]!;
    this.length = at;
  }

  /** The bytes written; the buffer is not used again. */
  done(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Each byte's two hex digits, at byte × 2. */
const HEX_PAIRS = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0")).join(""), "latin1");

/** Writes data[from, to) as hex digits at `at`; answers where it ended. */
function hexRun(buffer: Buffer, at: number, data: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const pair = data[i]! * 2;
    buffer[at++] = HEX_PAIRS[pair]!;
    buffer[at++] = HEX_PAIRS[pair + 1]!;
  }
  return at;
}

/** A UUID's 16 bytes as a JSON string. */
function writeUuid(out: JsonBytes, data: Buffer, start: number): void {
  const buffer = out.room(38);
  let at = out.length;
  buffer[at++] = QUOTE;
  at = hexRun(buffer, at, data, start, start + 4);
  buffer[at++] = 0x2d;
  at = hexRun(buffer, at, data, start + 4, start + 6);
  buffer[at++] = 0x2d;
  at = hexRun(buffer, at, data, start + 6, start + 8);
  buffer[at++] = 0x2d;
  at = hexRun(buffer, at, data, start + 8, start + 10);
  buffer[at++] = 0x2d;
  at = hexRun(buffer, at, data, start + 10, start + 16);
  buffer[at++] = QUOTE;
  out.length = at;
}

/** A UUID's 16 bytes as PostgreSQL prints it: lowercase, 8-4-4-4-12. */
export function uuidText(data: Buffer, start: number): string {
  const out = new JsonBytes(38);
  writeUuid(out, data, start);
  return out.done().toString("latin1", 1, 37);
}

/** UTF-8 text as a JSON string: copied as it is unless it holds a quote, a backslash or a control character. */
function writeText(out: JsonBytes, data: Buffer, start: number, end: number): void {
  // One pass copies and checks; `out.length` moves only once the text proved plain.
  const buffer = out.room(end - start + 2);
  let at = out.length;
  buffer[at++] = QUOTE;
  for (let i = start; i < end; i++) {
    const byte = data[i]!;
    if (byte < 0x20 || byte === QUOTE || byte === BACKSLASH) {
      out.utf8(JSON.stringify(data.toString("utf8", start, end)));
      return;
    }
    buffer[at++] = byte;
  }
  buffer[at++] = QUOTE;
  out.length = at;
}

/** Scratch of civilFromDays: year, month, day. */
const civil = new Int32Array(3);

/** Days since 1970-01-01 → proleptic Gregorian year, month, day in `civil` (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  civil[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  civil[1] = month;
  civil[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** PostgreSQL counts dates and timestamps from 2000-01-01. */
const PG_EPOCH_DAYS = 10957;
const MICROS_PER_DAY = 86_400_000_000;
const MICROS_PER_DAY_BIG = 86_400_000_000n;
const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

const twoDigits = (buffer: Buffer, at: number, value: number): number => {
  buffer[at] = 0x30 + Math.floor(value / 10);
  buffer[at + 1] = 0x30 + (value % 10);
  return at + 2;
};

/** PostgreSQL's ISO date (4-digit year at least) without its quotes; answers whether the year is before 1 (" BC"). */
function writeIsoDate(out: JsonBytes, daysSince1970: number): boolean {
  civilFromDays(daysSince1970);
  const bc = civil[0]! <= 0;
  const year = bc ? 1 - civil[0]! : civil[0]!;
  if (year > 9999) {
    out.digits(year, 4);
  } else {
    const digits = out.room(4);
    out.length = twoDigits(digits, twoDigits(digits, out.length, Math.floor(year / 100)), year % 100);
  }
  const buffer = out.room(6);
  let at = out.length;
  buffer[at++] = 0x2d;
  at = twoDigits(buffer, at, civil[1]!);
  buffer[at++] = 0x2d;
  out.length = twoDigits(buffer, at, civil[2]!);
  return bc;
}

function writeDate(out: JsonBytes, data: Buffer, start: number): void {
  const days = data.readInt32BE(start);
  if (days === INT32_MAX) {
    out.ascii('"infinity"');
    return;
  }
  if (days === INT32_MIN) {
    out.ascii('"-infinity"');
    return;
  }
  out.byte(QUOTE);
  if (writeIsoDate(out, days + PG_EPOCH_DAYS)) out.ascii(" BC");
  out.byte(QUOTE);
}

/** A timestamptz (int64 microseconds since 2000-01-01 UTC) as to_json gives it in UTC. */
function writeTimestamptz(out: JsonBytes, data: Buffer, start: number): void {
  const high = data.readInt32BE(start);
  const low = data.readUInt32BE(start + 4);
  if (high === INT32_MAX && low === 0xffffffff) {
    out.ascii('"infinity"');
    return;
  }
  if (high === INT32_MIN && low === 0) {
    out.ascii('"-infinity"');
    return;
  }
  let days: number;
  let rest: number;
  if (Math.abs(high) < 2 ** 20) {
    // A double holds it exactly while |micros| < 2^52 (years 1857 to 2142).
    const micros = high * 2 ** 32 + low;
    days = Math.floor(micros / MICROS_PER_DAY);
    rest = micros - days * MICROS_PER_DAY;
  } else {
    const micros = data.readBigInt64BE(start);
    const remainder = ((micros % MICROS_PER_DAY_BIG) + MICROS_PER_DAY_BIG) % MICROS_PER_DAY_BIG;
    days = Number((micros - remainder) / MICROS_PER_DAY_BIG);
    rest = Number(remainder);
  }
  const hours = Math.floor(rest / 3_600_000_000);
  rest -= hours * 3_600_000_000;
  const minutes = Math.floor(rest / 60_000_000);
  rest -= minutes * 60_000_000;
  const seconds = Math.floor(rest / 1_000_000);
  const fraction = rest - seconds * 1_000_000;
  out.byte(QUOTE);
  const bc = writeIsoDate(out, days + PG_EPOCH_DAYS);
  const buffer = out.room(9);
  let at = out.length;
  buffer[at++] = 0x54;
  at = twoDigits(buffer, at, hours);
  buffer[at++] = 0x3a;
  at = twoDigits(buffer, at, minutes);
  buffer[at++] = 0x3a;
  out.length = twoDigits(buffer, at, seconds);
  if (fraction > 0) {
    // Microseconds with their trailing zeros dropped, as PostgreSQL prints them.
    const tail = out.room(7);
    at = out.length;
    tail[at++] = 0x2e;
    at = twoDigits(tail, at, Math.floor(fraction / 10_000));
    at = twoDigits(tail, at, Math.floor(fraction / 100) % 100);
    at = twoDigits(tail, at, fraction % 100);
    while (tail[at - 1] === 0x30) at--;
    out.length = at;
  }
  out.ascii(bc ? "+00:00 BC" : "+00:00");
  out.byte(QUOTE);
}

/** One field's value as JSON, by its column's type OID (one of writableTypes). */
export function writeValue(out: JsonBytes, oid: number, data: Buffer, start: number, end: number): void {
  switch (oid) {
    case typeOids.text:
    case typeOids.varchar:
      writeText(out, data, start, end);
      return;
    case typeOids.uuid:
      writeUuid(out, data, start);
      return;
    case typeOids.timestamptz:
      writeTimestamptz(out, data, start);
      return;
    case typeOids.date:
      writeDate(out, data, start);
      return;
    case typeOids.bool:
      out.ascii(data[start] ? "true" : "false");
      return;
    case typeOids.int2:
      out.ascii(String(data.readInt16BE(start)));
      return;
    case typeOids.int4:
      out.ascii(String(data.readInt32BE(start)));
      return;
    case typeOids.int8:
      out.ascii(String(data.readBigInt64BE(start)));
      return;
    case typeOids.json:
      out.bytes(data, start, end);
      return;
    case typeOids.jsonb:
      // Binary jsonb is a format version byte (1), then its text.
      out.bytes(data, start + 1, end);
      return;
    default:
      throw new Error(`no JSON writer for type ${oid}`);
  }
}
