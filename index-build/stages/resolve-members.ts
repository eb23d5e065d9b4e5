/**
 * Stage 3c, resolve members: a list response saved without `expandMember=true` names members only
 * by id. Where another record in the build expands the same member id, the name is taken from
 * there. Only the name: a party or seat seen on another date may not hold on this one.
 */
import type { Member } from "../../src/schema/member";
import type { Answer, RecordInput } from "../../src/schema/record";
import { unexpandedMemberName } from "../formats/parliament-api/map";
import type { ValidRecord } from "./validate";

const isUnexpanded = (member: Member) =>
  member.memberId !== undefined && member.name === unexpandedMemberName(member.memberId);

export function resolveMembers(valid: ValidRecord[]): ValidRecord[] {
  const names = new Map<number, string>();
  const learn = (member: Member | null | undefined) => {
    if (member?.memberId !== undefined && !isUnexpanded(member) && !names.has(member.memberId))
      names.set(member.memberId, member.name);
  };
  for (const { input } of valid) {
    learn(input.askingMember);
    learn(input.answer?.answeringMember);
  }
  const resolve = <M extends Member>(member: M): M => {
    const name = isUnexpanded(member) ? names.get(member.memberId as number) : undefined;
    return name === undefined ? member : { ...member, name };
  };
  return valid.map(({ input, location }) => {
    const answer: Answer | null = input.answer && {
      ...input.answer,
      answeringMember: input.answer.answeringMember && resolve(input.answer.answeringMember),
    };
    const resolved: RecordInput = { ...input, askingMember: resolve(input.askingMember), answer };
    return { input: resolved, location };
  });
}
