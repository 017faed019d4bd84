/**
 * The leak-audit report as one self-contained HTML page for a DPO: inline CSS, no script, no external
 * resource, so it opens from a file or an e-mail attachment. Accessible (one h1, headed sections, tables
 * with captions and header cells, scrollable regions labelled and focusable) and readable on a phone (the
 * wide tables scroll inside their region; URLs wrap). English, French or Swedish (report-messages.ts).
 */
import type { Locale } from '../../platform/locale.js';
import type { AuditFinding, AuditReport, Callout, FindingEvidence } from './report.js';
import { BLIND_SPOTS, BLIND_SPOT_SOURCES, REPORT_MESSAGES, type ReportMessages } from './report-messages.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const CSS = `
:root{color-scheme:light;--ink:#1b1b1f;--muted:#555;--line:#c9c9d1;--warn:#8a1c00;--warnbg:#fff1ec;--mark:#ffe08a;--head:#eef0f4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
ul.callouts{list-style:none;padding:0;margin:0 0 1rem}
ul.callouts li{border-left:6px solid var(--warn);background:var(--warnbg);padding:.6rem .8rem;margin:.4rem 0;font-weight:600}
ul.callouts li.after-reject-all{font-size:1.1rem}
.region{overflow-x:auto;margin:0 0 1rem;border:1px solid var(--line)}
.region:focus{outline:3px solid #2457c5;outline-offset:2px}
table{border-collapse:collapse;width:100%;min-width:40rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.5rem;caption-side:top}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head)}
td.num,th.num{text-align:right}
.url{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere;word-break:break-all}
mark{background:var(--mark);color:inherit}
.tag{display:inline-block;border:1px solid var(--line);border-radius:.25rem;padding:0 .3rem;font-size:.8rem;white-space:nowrap}
.tag.reject{border-color:var(--warn);color:var(--warn);font-weight:600}
details{border:1px solid var(--line);margin:.5rem 0;padding:.25rem .75rem}
summary{cursor:pointer;font-weight:600;padding:.25rem 0}
.blind{border-left:6px solid #555;padding:.25rem .8rem;margin:.75rem 0;background:#f6f6f8}
.sources{font-size:.85rem;color:var(--muted);overflow-wrap:anywhere}
@media (max-width:40rem){main{padding:.6rem}h1{font-size:1.3rem}dl.meta{grid-template-columns:1fr}table{font-size:.85rem}}
@media print{.region{overflow:visible}details{break-inside:avoid}details:not([open])>*{display:revert}}
`;

function table(
  id: string,
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric.has(i) ? ' class="num"' : ''}>${c}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="region" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function chainText(chain: readonly string[], m: ReportMessages): string {
  return chain.length === 0 ? m.sentAsIs : chain.join(' → ');
}

function recipientCell(f: AuditFinding, m: ReportMessages): string {
  const r = f.recipient;
  const party = r.disguisedCollector
    ? `${m.disguisedCollector}: ${r.disguisedCollector.reason}`
    : r.party === 'third'
      ? m.thirdParty
      : m.firstParty;
  return `${escapeHtml(f.company)}<br><span class="url">${escapeHtml(r.host)}</span><br><span class="tag">${escapeHtml(party)}</span>`;
}

function consentTag(f: { consent: AuditFinding['consent'] }, m: ReportMessages): string {
  return `<span class="tag${f.consent === 'reject-all' ? ' reject' : ''}">${escapeHtml(m.consentStates[f.consent])}</span>`;
}

function markedUrl(e: FindingEvidence): string {
  if (!e.urlMatch) return escapeHtml(e.url);
  const { start, end } = e.urlMatch;
  return `${escapeHtml(e.url.slice(0, start))}<mark>${escapeHtml(e.url.slice(start, end))}</mark>${escapeHtml(e.url.slice(end))}`;
}

function evidenceBlock(f: AuditFinding, m: ReportMessages): string {
  const items = f.evidence
    .map((e) => {
      const rows: [string, string][] = [
        [m.method, escapeHtml(e.method)],
        [m.url, `<span class="url">${markedUrl(e)}</span>`],
        [m.location, escapeHtml(`${m.parts[e.location.part]} ${e.locationLabel.slice(e.location.part.length).trim()}`.trim())],
        [m.how, escapeHtml(chainText(e.chain, m))],
        [
          m.wireText,
          `<span class="url">${e.location.part === 'url' && e.urlMatch ? `<mark>${escapeHtml(e.wireText)}</mark>` : escapeHtml(e.wireText)}</span>`,
        ],
        [m.page, `<span class="url">${escapeHtml(e.pageUrl)}</span>`],
        [m.step, escapeHtml(e.step)],
        ...(e.initiator !== undefined
          ? ([[m.initiator, `<span class="url">${escapeHtml(e.initiator)}</span>`]] as [string, string][])
          : []),
      ];
      const dl = `<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
      const headers = table(
        `h-${f.id}-${e.requestId}`,
        m.headersCaption(e.requestId),
        [m.headerName, m.headerValue],
        e.headers.map(([name, value]) => [escapeHtml(name), `<span class="url">${escapeHtml(value)}</span>`]),
      );
      return `<h4>${escapeHtml(e.requestId)} · ${escapeHtml(e.kind)} · ${escapeHtml(e.at)}</h4>${dl}${headers}`;
    })
    .join('\n');
  const more = f.requestCount > f.evidence.length ? `<p>${escapeHtml(m.moreRequests(f.requestCount - f.evidence.length))}</p>` : '';
  return `<details id="ev-${f.id}"><summary>${escapeHtml(m.evidenceFor(f.id))}: ${escapeHtml(m.personaFields[f.field])} → ${escapeHtml(f.company)} (${escapeHtml(m.consentStates[f.consent])})</summary>${items}${more}</details>`;
}

function calloutText(c: Callout, m: ReportMessages): string {
  const subjects = c.subjects.join(', ');
  switch (c.kind) {
    case 'after-reject-all':
      return m.callouts.afterRejectAll(c.findings, subjects);
    case 'before-choice':
      return m.callouts.beforeChoice(c.findings, subjects);
    case 'disguised-collector':
      return m.callouts.disguised(c.findings, subjects);
    case 'sensitive-term':
      return m.callouts.sensitive(c.findings, subjects);
    case 'identity-number':
      return m.callouts.identityNumber(c.findings, subjects);
  }
}

export function renderAuditReportHtml(report: AuditReport, locale: Locale = 'en'): string {
  const m = REPORT_MESSAGES[locale];
  const meta = report.meta;
  const s = report.summary;
  const metaRows: [string, string][] = [
    [m.generatedAt, meta.generatedAt],
    [m.source, meta.source === 'crawl' ? m.sourceCrawl : m.sourceHar],
    [m.inputs, meta.inputs.join(', ')],
    [m.firstPartyDomains, meta.firstPartyDomains.join(', ')],
    [m.consentStatesAudited, meta.consentStates.map((c) => m.consentStates[c]).join(', ')],
    [m.requestsAudited, String(meta.requestsAudited)],
  ];

  const summary =
    s.findings === 0
      ? `<p>${escapeHtml(m.noFindings)}</p>`
      : [
          `<ul class="callouts">${s.callouts.map((c) => `<li class="${c.kind}">${escapeHtml(calloutText(c, m))}</li>`).join('')}</ul>`,
          table(
            'sum-company',
            m.byCompany,
            [m.company, m.domains, m.findings, m.fields, m.consent],
            s.byCompany.map((c) => [
              escapeHtml(c.company),
              escapeHtml(c.domains.join(', ')),
              String(c.findings),
              escapeHtml(c.fields.map((f) => m.personaFields[f]).join(', ')),
              c.consentStates.map((consent) => consentTag({ consent }, m)).join(' '),
            ]),
            new Set([2]),
          ),
          table(
            'sum-field',
            m.byField,
            [m.field, m.findings, m.companies],
            s.byField.map((f) => [escapeHtml(m.personaFields[f.field]), String(f.findings), escapeHtml(f.companies.join(', '))]),
            new Set([1]),
          ),
          table(
            'sum-consent',
            m.byConsent,
            [m.consent, m.findings, m.companies],
            s.byConsent.map((c) => [escapeHtml(m.consentStates[c.consent]), String(c.findings), escapeHtml(c.companies.join(', '))]),
            new Set([1]),
          ),
        ].join('\n');

  const findings =
    report.findings.length === 0
      ? `<p>${escapeHtml(m.noFindings)}</p>`
      : [
          table(
            'findings-table',
            m.findingsCaption,
            [m.number, m.field, m.recipient, m.endpoint, m.page, m.consent, m.how, m.vendorField, m.requests],
            report.findings.map((f) => [
              `<a href="#ev-${f.id}">${escapeHtml(f.id)}</a>`,
              `${escapeHtml(m.personaFields[f.field])}<br><span class="tag">${escapeHtml(f.personaLabel)}</span>`,
              recipientCell(f, m),
              `<span class="url">${escapeHtml(f.endpoint)}</span>`,
              `<span class="url">${escapeHtml(f.page)}</span>`,
              consentTag(f, m),
              f.chains.map((c) => escapeHtml(chainText(c, m))).join('<br>') +
                `<br><span class="tag">${escapeHtml(f.locations.join(', '))}</span>`,
              escapeHtml(f.vendorFields.join('; ')),
              String(f.requestCount),
            ]),
            new Set([8]),
          ),
          `<h3 id="evidence">${escapeHtml(m.evidenceTitle)}</h3>`,
          report.findings.map((f) => evidenceBlock(f, m)).join('\n'),
        ].join('\n');

  const blind = BLIND_SPOTS.map(
    (code) =>
      `<section class="blind" aria-labelledby="blind-${code}"><h3 id="blind-${code}">${escapeHtml(m.cannotSee[code].title)}</h3><p>${escapeHtml(m.cannotSee[code].text)}</p><p class="sources">${escapeHtml(m.sources)}: ${BLIND_SPOT_SOURCES[code].map(escapeHtml).join(' · ')}</p></section>`,
  ).join('\n');

  const limits: string[] = [];
  if (meta.failedSteps && meta.failedSteps.length > 0)
    limits.push(
      `<h3>${escapeHtml(m.failedSteps)}</h3><ul>${meta.failedSteps.map((f) => `<li>${escapeHtml(`${m.consentStates[f.consent]}: ${f.step}${f.error ? ` (${f.error})` : ''}`)}</li>`).join('')}</ul>`,
    );
  if (meta.skippedEntries && meta.skippedEntries.length > 0)
    limits.push(
      `<h3>${escapeHtml(m.skippedEntries)}</h3><ul>${meta.skippedEntries.map((e) => `<li>${escapeHtml(`${e.file}: ${e.reason}`)}</li>`).join('')}</ul>`,
    );
  if (meta.cnameFailures && meta.cnameFailures.length > 0)
    limits.push(
      `<h3>${escapeHtml(m.cnameFailures)}</h3><ul>${meta.cnameFailures.map((f) => `<li>${escapeHtml(`${f.host}: ${f.code}`)}</li>`).join('')}</ul>`,
    );

  return `<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.intro)}</p>
<dl class="meta">${metaRows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<section aria-labelledby="summary"><h2 id="summary">${escapeHtml(m.summary)}</h2>
${summary}
</section>
<section aria-labelledby="findings"><h2 id="findings">${escapeHtml(m.findingsTitle)} (${report.findings.length})</h2>
${findings}
</section>
<section id="cannot-see" aria-labelledby="cannot-see-title"><h2 id="cannot-see-title">${escapeHtml(m.cannotSeeTitle)}</h2>
<p>${escapeHtml(m.cannotSeeIntro)}</p>
${blind}
</section>
<section aria-labelledby="limits"><h2 id="limits">${escapeHtml(m.limitsTitle)}</h2>
${limits.length === 0 ? `<p>${escapeHtml(m.noLimits)}</p>` : limits.join('\n')}
</section>
</main>
</body>
</html>
`;
}
