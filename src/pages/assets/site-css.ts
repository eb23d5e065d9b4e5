/**
 * The site's one stylesheet, served from /assets (CSP forbids inline style). System fonts only;
 * colours meet WCAG AA contrast in the light and the dark scheme (`prefers-color-scheme`); one
 * column at 320 px; a print style without the chrome that prints each link's address once.
 */
export const siteCss = `:root{color-scheme:light dark;--bg:#fff;--ink:#1b1b1b;--muted:#505050;--link:#0b4f9c;--visited:#5b2a86;--line:#cfd4da;--soft:#f3f5f8;--field:#fff;--mark:#fde68a;--focus:#ffbf47;--on-link:#fff;--hover:#083b74;--alert:#b3261e;--alert-soft:#fdf0ef}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--ink:#e9ecef;--muted:#b4bcc4;--link:#8cb8ff;--visited:#c9a7f5;--line:#3a4149;--soft:#1f242a;--field:#0f1215;--mark:#524200;--on-link:#0b1b33;--hover:#b5d0ff;--alert:#ff8a80;--alert-soft:#2a1716}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
a:focus-visible{background:var(--focus);color:#1b1b1b;outline-color:var(--ink);text-decoration:none;box-shadow:0 3px 0 var(--ink)}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999rem;top:0;padding:.5rem 1rem;background:var(--focus);color:#1b1b1b}
.skip:focus{left:0;z-index:1}
.visually-hidden,.collection-title.quiet,mark::before,mark::after{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
mark::before{content:" [match] "}
mark::after{content:" [end] "}
.site{border-bottom:4px solid var(--link);padding:.6rem 0;margin-bottom:1rem}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem}
.brand{display:inline-flex;align-items:center;gap:.6rem;font-weight:700;font-size:1.0625rem;line-height:1.25;color:var(--ink);text-decoration:none;padding:.25rem 0}
.brand:visited{color:var(--ink)}
.brand:hover span{text-decoration:underline}
.mark{width:2rem;height:2rem;flex:none}
.site nav{display:flex;gap:1rem}
.site nav a{display:inline-block;padding:.5rem .1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
.collection-title{font-size:1.625rem;margin-bottom:.5rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .5rem}
.intro{max-width:44rem}
.intro>p{margin:0 0 .5rem;color:var(--muted)}
.intro summary{cursor:pointer;color:var(--link);text-decoration:underline;padding:.25rem 0}
.search{margin:1rem 0;padding:1rem;background:var(--soft);border-radius:4px}
.search label,.search legend{font-weight:700}
.field{display:flex;flex-direction:column;min-width:0}
.row{display:flex;gap:.5rem}
.hint{color:var(--muted);font-size:.875rem;margin-top:.25rem}
search{display:block}
input,select,button{font:inherit;color:var(--ink);min-height:2.75rem}
input[type=search],input[type=date]{width:100%;min-width:0;padding:.4rem .6rem;border:2px solid var(--ink);border-radius:0;background:var(--field)}
select{padding:.3rem;border:2px solid var(--ink);background:var(--field)}
button{flex:none;padding:.4rem 1.1rem;border:2px solid var(--link);background:var(--link);color:var(--on-link);font-weight:700;cursor:pointer}
button:hover{background:var(--hover);border-color:var(--hover)}
.options{margin-top:.75rem}
.options summary{cursor:pointer;color:var(--link);text-decoration:underline;padding:.25rem 0;width:max-content}
.options[open]{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:flex-end}
.options[open] summary{flex-basis:100%}
.dates{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0;padding:0;border:0;min-width:0}
.dates legend{padding:0;margin-bottom:.25rem}
.dates .field{flex:1 1 9.5rem}
.status{margin:.5rem 0 1rem}
.active{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0 0 1rem}
.active a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--line);border-radius:1rem}
.errors{border-left:5px solid var(--alert);padding:.5rem 1rem;background:var(--alert-soft)}
.results{list-style:none;padding:0;margin:0}
.results>li{padding:1rem 0;border-top:1px solid var(--line)}
.results h3{margin:0 0 .25rem;font-size:1.0625rem;line-height:1.4;font-weight:600}
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
.back{margin:0 0 .5rem}
.back a{display:inline-block;padding:.25rem 0}
.kicker{margin:0;color:var(--muted);font-size:.9375rem}
.record h1{margin-top:.25rem;font-size:1.375rem}
@media (max-width:49.99rem){.home .brand span{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}
.record dl{display:grid;grid-template-columns:minmax(0,1fr);gap:.1rem 1rem;margin:1rem 0;max-width:52rem}
.record dt{font-weight:700;margin-top:.5rem}
.record dd{margin:0}
.note{border-left:4px solid var(--line);padding-left:.75rem}
.prose{max-width:44rem}
blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid var(--line);color:var(--muted)}
.citation{padding:.75rem 1rem;background:var(--soft);border-radius:4px}
.bare{overflow-wrap:anywhere}
.copy{margin:.25rem 0}
.copied{margin-left:.75rem;color:var(--muted)}
.others{padding-left:1.25rem}
.others li{margin:.4rem 0}
.others a{padding:.2rem 0}
.provenance{margin:2rem 0 1rem;max-width:44rem;color:var(--muted)}
.provenance summary{cursor:pointer;color:var(--link);text-decoration:underline;padding:.25rem 0}
code{font-size:.9375em;overflow-wrap:anywhere}
.site-foot{margin-top:3rem;padding:1rem 0;border-top:1px solid var(--line);color:var(--muted);font-size:.9375rem}
.site-foot p{margin:0 0 .5rem}
.site-foot nav a{display:inline-block;padding:.25rem 0}
@media (prefers-color-scheme:dark){mark{outline:1px solid #8a7000}}
@media (min-width:50rem){
.layout{display:grid;grid-template-columns:minmax(0,1fr) 15rem;gap:2.5rem}
.facets{border-left:1px solid var(--line);padding-left:1.5rem}
.record dl{grid-template-columns:12rem minmax(0,1fr)}
.record dt{margin-top:0}
.record h1{font-size:1.75rem}
.options[open] .dates{flex:0 1 24rem}
h1{font-size:1.875rem}
.collection-title{font-size:2rem}
}
@media print{
:root{--bg:#fff;--ink:#000;--muted:#333;--mark:#fff}
.skip,.site nav,.search,.facets,.pages,.site-foot nav,.no-print,.provenance{display:none}
body{font-size:11pt}
a{color:inherit}
.prose a[href^="http"]:not(.bare)::after,dd a[href^="http"]::after{content:" (" attr(href) ")"}
mark{background:none;font-weight:700;text-decoration:underline}
.results>li{break-inside:avoid}
}
@media (forced-colors:active){mark{forced-color-adjust:none;background:Mark;color:MarkText}}
`;
