/**
 * The whole stylesheet. System fonts, no web fonts or third-party requests. Colours meet WCAG 2.2 AA
 * contrast (4.5:1 for text) on their backgrounds; focus is always visible.
 */
export const STYLESHEET = `
:root { --fg: #1b1f24; --muted: #4a5562; --bg: #ffffff; --panel: #f4f6f8; --line: #c9d1d9;
  --accent: #0b4f9c; --accent-fg: #ffffff; --ok: #115f2d; --warn: #8a4b00; --bad: #a4161a; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.5; color: var(--fg); background: var(--bg); }
body { margin: 0; }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--fg); }
.skip { position: absolute; left: -9999px; top: 0; background: var(--fg); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 0; }
header.site { background: var(--fg); color: #fff; }
header.site .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
header.site a { color: #fff; }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; flex-wrap: wrap; }
.langs { display: flex; gap: .5rem; align-items: center; }
.langs a[aria-current="true"] { font-weight: 700; text-decoration: none; border-bottom: 2px solid #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3 { overflow-wrap: anywhere; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.lede { color: var(--muted); max-width: 48rem; }
form.filters { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
form.filters fieldset { border: 0; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem 1rem; }
form.filters legend { font-weight: 700; margin-bottom: .5rem; }
label { display: block; font-weight: 600; margin-bottom: .2rem; }
select, input[type="search"] { width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: #fff; color: var(--fg); }
.actions { display: flex; gap: 1rem; align-items: center; margin-top: .75rem; }
button { font: inherit; font-weight: 600; background: var(--accent); color: var(--accent-fg); border: 0; border-radius: 4px; padding: .5rem 1.2rem; cursor: pointer; }
button:hover { background: #083a73; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .6rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); }
td.num { white-space: nowrap; }
.org { color: var(--muted); font-size: .95rem; font-weight: 400; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: 0; padding: 0; }
.chip { background: var(--panel); border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem; font-size: .85rem; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; font-weight: 700; border: 1px solid currentColor; }
.badge.ok { color: var(--ok); } .badge.warn { color: var(--warn); } .badge.bad { color: var(--bad); }
dl.facts { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .4rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { padding: 0 0 .75rem 1rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -.5rem; top: .45rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); }
.leak-groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.leak-groups section { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.leak-groups h3 { margin: 0 0 .5rem; font-size: 1.05rem; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.lead { max-width: 48rem; font-size: 1.05rem; }
.privacy .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.privacy .columns > div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem; }
.privacy h3 { font-size: 1.05rem; margin: .75rem 0 .25rem; }
.notice { background: #fff4e0; border: 1px solid var(--warn); border-radius: 6px; padding: .75rem 1rem; }
form.check { max-width: 40rem; }
form.check .field { margin: 0 0 1rem; }
form.check .hint { color: var(--muted); font-size: .9rem; margin: 0 0 .3rem; }
form.check input { width: 100%; font: inherit; padding: .45rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: #fff; color: var(--fg); }
form.check fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem 0; margin: 0 0 1rem; }
form.check legend { font-weight: 700; padding: 0 .25rem; }
.result .found { font-weight: 700; color: var(--bad); }
.result .not-found { font-weight: 700; color: var(--ok); }
.result .problem { color: var(--bad); font-weight: 600; }
.result ul.matches { list-style: none; padding: 0; }
.result ul.matches > li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .5rem; margin: 0 0 1rem; }
.result ul.matches h3 { margin: .5rem 0; }
.result .label { font-weight: 600; margin: .25rem 0; }
.result .hint { color: var(--muted); font-size: .9rem; }
.result section.plan, .result section.alerts { border-top: 2px solid var(--line); margin-top: 1.5rem; padding-top: .25rem; }
.result .plan-country select, .result .alerts input[type="email"] { font: inherit; padding: .4rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: #fff; color: var(--fg); max-width: 100%; }
.result .plan-country label, .result .alerts .field label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
.result h3.urgency { margin: 1.25rem 0 .5rem; }
.result ol.plan-steps { list-style: none; padding: 0; margin: 0; }
.result ol.plan-steps > li { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: .5rem 1rem; margin: 0 0 .75rem; }
.result ol.plan-steps > li[data-urgency="now"] { border-left-color: var(--bad); }
.result ol.plan-steps > li.done { border-left-color: var(--ok); }
.result ol.plan-steps > li.done .step-head label { text-decoration: line-through; }
.result .step-head { display: flex; gap: .6rem; align-items: flex-start; }
.result .step-head input { width: 1.3rem; height: 1.3rem; margin: .15rem 0 0; flex: none; }
.result .step-head label { font-weight: 700; }
.result .why { margin: .4rem 0; }
.result ul.step-actions { margin: .4rem 0; padding-left: 1.25rem; }
.result .deadline { font-weight: 600; }
.result .sources { font-size: .9rem; overflow-wrap: anywhere; }
.result .plan-buttons { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0 .5rem; }
button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
button.secondary:hover { background: var(--panel); }
.result .alerts fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1rem; }
.result .alerts legend { font-weight: 700; padding: 0 .25rem; }
.result .alerts .choice { display: flex; gap: .5rem; align-items: center; margin: .25rem 0; }
.result .alerts .choice input { width: 1.2rem; height: 1.2rem; }
.result .alerts input[type="email"] { width: 100%; max-width: 28rem; }
.result .alerts-status[data-state="sent"] { color: var(--ok); font-weight: 700; }
.result .alerts-status[data-state="problem"] { color: var(--bad); font-weight: 600; }
form.alert-action { margin: 1rem 0; }
form.inline { display: inline-flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .15rem .4rem .15rem 0; }
form.inline select { font: inherit; padding: .3rem; max-width: 100%; }
#fresh-token { display: block; overflow-wrap: anywhere; background: var(--panel); padding: .5rem; margin-top: .5rem; user-select: all; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.desk-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
.problem { color: var(--bad); font-weight: 600; }
form.check textarea { width: 100%; font: inherit; padding: .45rem .5rem; border: 1px solid #6e7781; border-radius: 4px; background: #fff; color: var(--fg); }
form.check .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .3rem 0; }
form.check .choice input { width: 1.2rem; height: 1.2rem; flex: none; margin: .15rem 0 0; }
form.check .choice label { font-weight: 400; margin: 0; overflow-wrap: anywhere; }
form.check fieldset.row { background: var(--panel); }
form.check fieldset fieldset { margin: .5rem 0 1rem; }
form.check [aria-invalid="true"] { border: 2px solid var(--bad); }
.field-error { color: var(--bad); font-weight: 600; margin: .25rem 0; }
.section-nav ol, ol.section-list { columns: 16rem; column-gap: 2.5rem; padding-left: 1.75rem; margin: .5rem 0 1rem; }
.section-nav li, ol.section-list li { break-inside: avoid; margin: 0 0 .2rem; }
.section-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
details.advanced { margin: 2rem 0 1rem; }
details.advanced > summary { font-weight: 700; font-size: 1.15rem; cursor: pointer; }
dl.section-facts dd { overflow-wrap: anywhere; white-space: pre-line; }
pre.template-text { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem; margin: 0; }
.campaign-progress progress { display: block; width: 100%; max-width: 32rem; height: 1.25rem; }
fieldset.template { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1rem; min-width: 0; }
fieldset.template .label { font-weight: 600; margin: .25rem 0; }
.campaign-actions { display: flex; flex-wrap: wrap; gap: .5rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); margin-top: 3rem; }
footer.site p { max-width: 72rem; margin: 0 auto; padding: 1rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } thead { display: none; } table, tbody, caption { display: block; } th, td { display: block; border: 0; padding: .2rem .5rem; overflow-wrap: anywhere; } tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; } td.num { white-space: normal; } td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; } }
`;
