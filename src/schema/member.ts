/** A Member of Parliament or peer, as named in a question or answer. */
import * as z from "zod/mini";
import { House, Text } from "./primitives";

export const Member = z
  .object({
    name: Text.check(
      z.meta({ description: "Name as printed in the source, honorifics included.", example: "Mr. David Jones" }),
    ),
    party: z.nullable(Text).check(
      z.meta({
        description: "Party, or null where the source does not say.",
        example: "Conservative",
      }),
    ),
    memberFrom: z.nullable(Text).check(
      z.meta({
        description: "Constituency, or the peer's description (e.g. `Life peer`).",
        example: "Clwyd West",
      }),
    ),
    memberId: z.optional(z.number().check(z.int(), z.positive())).check(
      z.meta({
        description: "The member's id in UK Parliament's Members API, where the source gives it.",
        example: 4476,
      }),
    ),
  })
  .register(z.globalRegistry, { id: "Member" });
export type Member = z.infer<typeof Member>;

/** The answering member also says which House they answered in. */
export const AnsweringMember = z.extend(Member, { house: House }).register(z.globalRegistry, { id: "AnsweringMember" });
export type AnsweringMember = z.infer<typeof AnsweringMember>;
