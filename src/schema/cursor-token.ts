/**
 * The cursor of `/v1/records`: an opaque token saying which record a page continues after, so a
 * program can walk a listing of any length (offsets stop at `LIMITS.pageDepth`). It names a record
 * by id rather than by position, so it survives a rebuild that adds records before it. Opaque to
 * clients (base64url of a versioned id), so its form can change without breaking them. Apart from
 * the schema (cursor.ts), so the Worker makes and reads cursors without loading zod.
 */

const VERSION = "1:";
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest cursor `encodeCursor` makes, with room: a longer value is refused unread. */
const MAX_CHARS = 100;

/** The cursor of the page that continues after the record with this id. */
export function encodeCursor(id: string): string {
  return btoa(VERSION + id)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The record id a cursor continues after, or null when the text is not a cursor. */
export function decodeCursor(cursor: string): string | null {
  if (cursor.length > MAX_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length % 4 === 1) return null;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const id = text.startsWith(VERSION) ? text.slice(VERSION.length) : "";
  return ID.test(id) ? id : null;
}
