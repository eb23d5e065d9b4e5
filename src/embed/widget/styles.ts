/**
 * The widget's stylesheet. Partners theme it through the `--pq-*` custom properties (which
 * inherit into the shadow root) and `::part()`; nothing here can reach the host page.
 * Adopted as a constructable stylesheet, which a strict `style-src` does not block.
 */

const CSS = `
:host{display:block;position:relative;max-width:var(--pq-max-width,40rem);font:var(--pq-font,inherit);color:var(--pq-color,inherit)}
:host([hidden]),[hidden]{display:none!important}
.bar{display:flex;gap:.5em}
input{box-sizing:border-box;flex:1;min-width:0;margin:0;font:inherit;color:inherit;padding:var(--pq-input-padding,.5em .75em);border:var(--pq-border,1px solid #6f777b);border-radius:var(--pq-radius,.25em);background:var(--pq-background,#fff)}
input:focus,button:focus-visible,a:focus-visible{outline:var(--pq-focus-ring,3px solid #1d70b8);outline-offset:0}
button{font:inherit;margin:0;padding:.5em .9em;border:0;border-radius:var(--pq-radius,.25em);background:var(--pq-accent,#1d70b8);color:var(--pq-on-accent,#fff);cursor:pointer}
.popup{position:absolute;z-index:var(--pq-z-index,10);left:0;right:0;margin-top:.25em;background:var(--pq-background,#fff);border:var(--pq-border,1px solid #6f777b);border-radius:var(--pq-radius,.25em);box-shadow:0 .25em .75em rgb(0 0 0/.15)}
.count{margin:0;padding:.4em .75em;font-size:.875em;color:var(--pq-muted,#454a4d);border-bottom:1px solid var(--pq-divider,#e1e4e6)}
[role=listbox]{max-height:var(--pq-max-height,26rem);overflow:auto}
[role=listbox][aria-busy=true]{opacity:.6}
a{display:block;padding:.6em .75em;color:inherit;text-decoration:none;border-bottom:1px solid var(--pq-divider,#e1e4e6);cursor:pointer}
a:last-child{border-bottom:0}
a:hover,a[aria-selected=true]{background:var(--pq-active-background,#e8f1f8)}
a[aria-selected=true]{box-shadow:inset 4px 0 var(--pq-accent,#1d70b8)}
.all{font-weight:600;color:var(--pq-link,#0b4f9c)}
.q{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.m{display:block;margin-top:.3em;font-size:.875em;color:var(--pq-muted,#454a4d)}
mark{background:var(--pq-mark-background,#fff0a0);color:inherit;font-weight:600}
.msg{margin:.35em 0 0;font-size:.875em;color:var(--pq-muted,#454a4d)}
.msg button{padding:.2em .6em;font-size:inherit}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

let shared: CSSStyleSheet | undefined;

/** Styles `root` with one sheet shared by every instance; a `<style>` where sheets cannot be adopted. */
export function applyStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [shared];
    return;
  }
  // Older browsers: a strict host CSP may block this element; the widget then still works, unstyled.
  const style = document.createElement("style");
  style.textContent = CSS;
  root.append(style);
}
