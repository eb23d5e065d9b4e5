/** `cursor=` of `/v1/records` (the token itself: cursor-token.ts), read into the id of the record the page continues after. */
import * as z from "zod/mini";
import { cursorRecordId, isCursor } from "./rules";

export { decodeCursor, encodeCursor } from "./cursor-token";

export const Cursor = z
  .pipe(
    z.string().check(z.refine(isCursor, { error: "expected the nextCursor of an earlier page of this listing" })),
    z.transform(cursorRecordId),
  )
  .register(z.globalRegistry, {
    description:
      "Continue a listing: the `nextCursor` of the previous page, as it was given (opaque). Reaches past any offset; not combined with `offset`.",
    example: "MTp3cS0xMjgyNjYy",
  });
