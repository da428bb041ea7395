// Keyset pagination: the cursor is the (timestamp, id) of the last row of the page, opaque to clients.
import { type AnyColumn, and, eq, lt, or, type SQL } from "drizzle-orm";
import { storableDate } from "../db/storable-text.ts";
import { badRequest } from "../errors/api-error.ts";

interface CursorPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString("base64url");
}

const ID_SHAPES = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^[1-9][0-9]{0,17}$/,
};

/**
 * The position a cursor names, or 400 invalid_cursor for anything this server did not write: a
 * cursor is opaque to clients, but it comes back from them, so its id must have the list's id
 * shape and its time a year Postgres can compare (1 to 9999).
 */
export function decodeCursor(
  cursor: string | undefined,
  idShape: keyof typeof ID_SHAPES = "uuid",
): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at !== "string" || typeof id !== "string" || !ID_SHAPES[idShape].test(id)) throw new Error("bad cursor");
    const date = new Date(at);
    if (!storableDate(date)) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw badRequest("invalid_cursor");
  }
}

/** Rows strictly after the cursor in (at desc, id desc) order. */
export function afterCursor(
  position: CursorPosition | null,
  atColumn: AnyColumn,
  idColumn: AnyColumn,
): SQL | undefined {
  if (!position) return undefined;
  return or(lt(atColumn, position.at), and(eq(atColumn, position.at), lt(idColumn, position.id)));
}

/** Splits a limit+1 fetch into the page and the cursor of the next one. */
export function page<T>(
  rows: T[],
  limit: number,
  position: (row: T) => CursorPosition,
): { data: T[]; next_cursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, next_cursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
