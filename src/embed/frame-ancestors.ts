/**
 * The CSP `frame-ancestors` directive for `GET /embed`, from the EMBED_FRAME_ANCESTORS setting.
 * Only source-expression characters survive, so a setting cannot smuggle in another directive.
 */
export function frameAncestors(setting: string | undefined): string {
  const sources = (setting ?? "*").split(/[\s,]+/).filter((source) => /^[\w*'.:/-]+$/.test(source));
  return `frame-ancestors ${sources.length > 0 ? sources.join(" ") : "'none'"}`;
}
