/**
 * The site's one stylesheet, served from /assets (CSP forbids inline style). System fonts only;
 * colours meet WCAG AA contrast; one column at 320 px; a print style without the chrome.
 */
export const siteCss = `:root{color-scheme:light;--ink:#1b1b1b;--muted:#505050;--link:#0b4f9c;--visited:#5b2a86;--line:#cfd4da;--soft:#f3f5f8;--mark:#fde68a;--focus:#ffbf47}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
a:focus-visible{background:var(--focus);color:var(--ink);outline-color:var(--ink);text-decoration:none;box-shadow:0 3px 0 var(--ink)}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999rem;top:0;padding:.5rem 1rem;background:var(--focus);color:var(--ink)}
.skip:focus{left:0;z-index:1}
.visually-hidden,mark::before,mark::after{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
mark::before{content:" [match] "}
mark::after{content:" [end] "}
.site{border-bottom:4px solid var(--link);padding:.75rem 0;margin-bottom:1rem}
.site a{font-weight:700;font-size:1.25rem;color:var(--ink);text-decoration:none}
.site a:hover{text-decoration:underline}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
.collection-title{font-size:1.25rem}
.collection-title.quiet{font-size:1.0625rem;color:var(--muted)}
h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .5rem}
.intro{max-width:44rem;color:var(--muted)}
.intro summary{cursor:pointer;color:var(--link);text-decoration:underline}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0;padding:1rem;background:var(--soft);border-radius:4px}
.search .field{display:flex;flex-direction:column;flex:1 1 16rem;min-width:0}
.search label{font-weight:700}
.search .sort{flex:0 1 auto}
search{display:block}
input,select,button{font:inherit;color:var(--ink);min-height:2.75rem}
input[type=search]{width:100%;padding:.4rem .6rem;border:2px solid var(--ink);border-radius:0;background:#fff}
select{padding:.3rem;border:2px solid var(--ink);background:#fff}
button{padding:.4rem 1.1rem;border:2px solid var(--link);background:var(--link);color:#fff;font-weight:700;cursor:pointer}
button:hover{background:#083b74}
.status{margin:.5rem 0 1rem}
.active{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0 0 1rem}
.active a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--line);border-radius:1rem}
.errors{border-left:5px solid #b3261e;padding:.5rem 1rem;background:#fdf0ef}
.results{list-style:none;padding:0;margin:0}
.results>li{padding:1rem 0;border-top:1px solid var(--line)}
.results h2{margin:0 0 .25rem;font-size:1.125rem}
.meta{color:var(--muted);font-size:.9375rem;margin:.25rem 0}
.badge{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:3px;font-size:.8125rem}
.snippet{margin:.5rem 0}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
.empty{padding:1rem;background:var(--soft)}
.facets h2{font-size:1rem;margin:1.25rem 0 .25rem}
.facets ul{list-style:none;padding:0;margin:0}
.facets li{margin:.2rem 0}
.facets a{display:inline-block;padding:.15rem 0}
.facets a[aria-current]{font-weight:700}
.count{color:var(--muted)}
.pages{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1.5rem 0}
.pages a{display:inline-block;padding:.4rem .2rem}
.record dl{display:grid;grid-template-columns:minmax(0,1fr);gap:.1rem 1rem;margin:1rem 0}
.record dt{font-weight:700;margin-top:.5rem}
.record dd{margin:0}
.prose{max-width:44rem}
.permalink code{overflow-wrap:anywhere}
.site-foot{margin-top:3rem;padding:1rem 0;border-top:1px solid var(--line);color:var(--muted);font-size:.9375rem}
@media (min-width:50rem){
.layout{display:grid;grid-template-columns:minmax(0,1fr) 15rem;gap:2.5rem}
.facets{border-left:1px solid var(--line);padding-left:1.5rem}
.record dl{grid-template-columns:12rem minmax(0,1fr)}
.record dt{margin-top:0}
h1{font-size:1.875rem}
.collection-title{font-size:1.5rem}
.collection-title.quiet{font-size:1.125rem}
}
@media print{
.skip,.search,.facets,.pages,.site-foot nav,.no-print{display:none}
body{font-size:11pt}
a{color:inherit}
.prose a[href^="http"]::after{content:" (" attr(href) ")"}
mark{background:none;font-weight:700;text-decoration:underline}
.results>li{break-inside:avoid}
}
@media (forced-colors:active){mark{forced-color-adjust:none;background:Mark;color:MarkText}}
`;
