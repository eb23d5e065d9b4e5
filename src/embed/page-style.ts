/**
 * The stylesheet of `GET /embed`, inlined in the page and allowed by its CSP hash, so the frame
 * costs one request. The build writes it into the Worker's static assets with that hash
 * (index-build/worker-modules.ts); the Worker reads it from there. (Partners who want to theme the search use the widget, which takes CSS.)
 * Links are dark enough (6.98:1) to keep their contrast on a highlighted word's yellow.
 */
export const EMBED_PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:.75rem;font:16px/1.45 system-ui,sans-serif;color:#0b0c0c;background:#fff}
form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
label{flex-basis:100%;font-weight:600}
input{flex:1;min-width:10rem;font:inherit;padding:.45rem .6rem;border:1px solid #6f777b;border-radius:.25rem}
button{font:inherit;padding:.45rem .9rem;border:0;border-radius:.25rem;background:#1d70b8;color:#fff;cursor:pointer}
input:focus,button:focus,a:focus{outline:3px solid #fd0;outline-offset:0}
.count{margin:.75rem 0 .25rem;color:#454a4d}
ol{list-style:none;margin:0;padding:0}
li{padding:.6rem 0;border-bottom:1px solid #e1e4e6}
a{color:#0b4f9c}
.m{display:block;margin-top:.25rem;font-size:.875rem;color:#454a4d}
mark{background:#fff0a0;color:inherit;font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
