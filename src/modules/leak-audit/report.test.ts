import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateIncidentDraft } from '../incidents/model/incident.js';
import { classifyRecipient } from './classify/index.js';
import type { CapturedRequest, Detection, Persona } from './model.js';
import { renderAuditReportHtml } from './report-html.js';
import { DATA_CLASS_OF_FIELD, incidentDraftFromFindings } from './report-incident.js';
import { BLIND_SPOTS, REPORT_MESSAGES } from './report-messages.js';
import { buildAuditReport, type AuditReport } from './report.js';

const persona: Persona = {
  id: 'tolvan',
  label: 'Test customer',
  fields: { email: ['audit+7f3k9q@example.se'], 'se-personnummer': ['19121212-1212'], 'sensitive-term': ['gravidförsäkring'] },
};
const HASH = 'a'.repeat(64);

function request(id: string, url: string, extra: Partial<CapturedRequest> = {}): CapturedRequest {
  return {
    id,
    url,
    method: 'GET',
    headers: {},
    kind: 'image',
    pageUrl: 'https://www.shop.se/quote?email=x',
    consent: 'accept-all',
    step: 'quote form: submit',
    source: 'crawl',
    at: '2026-11-27T10:00:00.000Z',
    ...extra,
  };
}

const requests: CapturedRequest[] = [
  request('r1', `https://www.facebook.com/tr/?id=1&ev=Lead&ud[em]=${HASH}`, {
    headers: { authorization: 'Bearer secret', cookie: 'fr=abc; _fbp=fb.1', 'user-agent': 'UA' },
  }),
  request('r2', `https://www.facebook.com/tr/?id=1&ev=PageView&ud[em]=${HASH}`),
  // The same leak after "Reject all", from another page.
  request('r3', `https://www.facebook.com/tr/?id=1&ev=PageView&ud[em]=${HASH}`, { consent: 'reject-all', pageUrl: 'https://www.shop.se/' }),
  // First party: not a finding.
  request('r4', 'https://www.shop.se/api/quote', { method: 'POST', kind: 'fetch' }),
  // First party by domain, but a collector path: a disguised collector.
  request('r5', 'https://smetrics.shop.se/b/ss/shop/1/JS-2.25.0/s1?g=x', { headers: { cookie: 'crm=YXVk; sid=s1' } }),
  request('r6', 'https://analytics.google.com/g/collect?v=2&up.pnr=191212121212', { consent: 'no-choice' }),
];
const det = (
  requestId: string,
  field: Detection['field'],
  location: Detection['location'],
  chain: string[],
  evidence: string,
  vendorField?: string,
): Detection => ({
  requestId,
  personaId: 'tolvan',
  field,
  value: persona.fields[field]![0]!,
  chain,
  location,
  evidence,
  ...(vendorField !== undefined ? { vendorField } : {}),
});
const detections: Detection[] = [
  det('r1', 'email', { part: 'url', param: 'ud[em]' }, ['lower-case', 'sha256-hex'], HASH, 'Meta advanced matching: em'),
  det('r2', 'email', { part: 'url', param: 'ud[em]' }, ['sha256-hex'], HASH),
  det('r3', 'email', { part: 'url', param: 'ud[em]' }, ['sha256-hex'], HASH),
  det('r4', 'email', { part: 'body', param: 'email' }, [], 'audit+7f3k9q@example.se'),
  det('r5', 'email', { part: 'cookie', name: 'crm' }, ['base64'], 'YXVk'),
  det('r6', 'se-personnummer', { part: 'url', param: 'up.pnr' }, ['pnr-12'], '191212121212'),
];

function build(): AuditReport {
  return buildAuditReport({
    requests,
    detections,
    personas: [persona],
    classify: (r) => classifyRecipient(r.url, { firstPartyDomains: ['shop.se'] }),
    meta: {
      generatedAt: '2026-11-27T10:05:00.000Z',
      source: 'crawl',
      inputs: ['audit.yaml'],
      firstPartyDomains: ['shop.se'],
      consentStates: ['accept-all', 'reject-all', 'no-choice'],
    },
  });
}

describe('buildAuditReport', () => {
  it('groups detections by persona field, endpoint, page and consent state; first-party requests are no finding', () => {
    const report = build();
    assert.equal(report.findings.length, 4);
    const accept = report.findings.find((f) => f.consent === 'accept-all' && f.recipient.host === 'www.facebook.com');
    assert.equal(accept?.requestCount, 2, 'two hits of the same leak are one finding');
    assert.deepEqual(accept?.chains, [['lower-case', 'sha256-hex'], ['sha256-hex']]);
    assert.equal(accept?.endpoint, 'www.facebook.com/tr/');
    assert.equal(accept?.page, 'https://www.shop.se/quote', 'the page without its query');
    assert.equal(accept?.company, 'Facebook');
    assert.deepEqual(accept?.vendorFields, ['Meta advanced matching: em']);
    assert.ok(!report.findings.some((f) => f.recipient.host === 'www.shop.se'));
    assert.equal(report.meta.requestsAudited, 6);
    assert.equal(report.meta.thirdPartyRequests, 5);
  });

  it('puts the findings after "Reject all" first, in the findings and in the call-outs', () => {
    const report = build();
    assert.equal(report.findings[0]?.consent, 'reject-all');
    assert.equal(report.findings[0]?.id, 'F1');
    assert.deepEqual(
      report.summary.callouts.map((c) => c.kind),
      ['after-reject-all', 'before-choice', 'disguised-collector', 'identity-number'],
    );
    assert.deepEqual(report.summary.callouts[2]?.subjects, ['smetrics.shop.se']);
    assert.deepEqual(
      report.summary.byConsent.map((c) => [c.consent, c.findings]),
      [
        ['accept-all', 2],
        ['reject-all', 1],
        ['no-choice', 1],
      ],
    );
    assert.equal(report.summary.byCompany[0]?.findings, 2);
  });

  it('reports a disguised collector with its reason', () => {
    const cloaked = build().findings.find((f) => f.recipient.host === 'smetrics.shop.se');
    assert.equal(cloaked?.recipient.party, 'third');
    assert.match(cloaked?.recipient.disguisedCollector?.reason ?? '', /\/b\/ss\//);
  });

  it('keeps the request as evidence: the matched part of the URL, credentials and unmatched cookies redacted', () => {
    const report = build();
    const accept = report.findings.find((f) => f.consent === 'accept-all' && f.recipient.host === 'www.facebook.com')!;
    const e = accept.evidence.find((x) => x.requestId === 'r1')!;
    assert.equal(e.url.slice(e.urlMatch!.start, e.urlMatch!.end), HASH);
    assert.equal(e.locationLabel, 'url ud[em]');
    assert.deepEqual(e.headers, [
      ['authorization', '[redacted]'],
      ['cookie', 'fr=[redacted]; _fbp=[redacted]'],
      ['user-agent', 'UA'],
    ]);
    const cloaked = report.findings.find((f) => f.recipient.host === 'smetrics.shop.se')!;
    assert.deepEqual(cloaked.evidence[0]?.headers, [['cookie', 'crm=YXVk; sid=[redacted]']], 'the matched cookie keeps its test value');
  });

  it('says what a browser audit cannot see, with sources from the reference', () => {
    const report = build();
    assert.deepEqual(
      report.cannotSee.map((c) => c.code),
      [...BLIND_SPOTS],
    );
    assert.ok(report.cannotSee.every((c) => c.sources.some((s) => s.startsWith('tracker-leak-audit.md'))));
    assert.match(report.cannotSee[0]!.text, /Conversions API/);
  });

  it('has no finding and no call-out when nothing reached a third party', () => {
    const report = buildAuditReport({
      requests: [requests[3]!],
      detections: [detections[3]!],
      personas: [persona],
      classify: (r) => classifyRecipient(r.url, { firstPartyDomains: ['shop.se'] }),
      meta: {
        generatedAt: '2026-11-27T10:05:00.000Z',
        source: 'har',
        inputs: ['a.har'],
        firstPartyDomains: ['shop.se'],
        consentStates: ['no-choice'],
      },
    });
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.summary.callouts, []);
    assert.match(renderAuditReportHtml(report), /No personal data of the test customer reached a third party/);
  });
});

describe('renderAuditReportHtml', () => {
  it('is one self-contained, accessible page in each language', () => {
    const report = build();
    for (const locale of ['en', 'fr', 'sv'] as const) {
      const html = renderAuditReportHtml(report, locale);
      const m = REPORT_MESSAGES[locale];
      assert.match(html, new RegExp(`<html lang="${locale}">`));
      assert.match(html, /<meta name="viewport"/);
      assert.doesNotMatch(html, /<script|<link |src=/i);
      assert.equal((html.match(/<h1>/g) ?? []).length, 1);
      assert.equal((html.match(/<table>/g) ?? []).length, (html.match(/<caption /g) ?? []).length, 'every table has a caption');
      assert.ok(html.includes(m.cannotSeeTitle));
      assert.ok(html.includes(m.consentStates['reject-all']));
      assert.ok(html.includes('role="region" aria-labelledby='));
      assert.match(html, new RegExp(`<mark>${HASH}</mark>`));
    }
  });

  it('escapes what came off the wire', () => {
    const report = build();
    const tampered: AuditReport = {
      ...report,
      findings: report.findings.map((f) => ({ ...f, endpoint: '<img src=x onerror=alert(1)>' })),
    };
    const html = renderAuditReportHtml(tampered);
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});

describe('incidentDraftFromFindings', () => {
  it('builds a draft the incident desk accepts, with data classes and recipients', () => {
    const draft = incidentDraftFromFindings(build().findings, { source: 'audit.yaml' });
    const result = validateIncidentDraft(draft);
    assert.ok(result.ok, JSON.stringify(result.ok ? '' : result.issues));
    assert.deepEqual([...draft.dataClasses].sort(), ['email-address', 'se-personnummer']);
    assert.deepEqual(
      draft.contacts.otherParties.map((p) => p.name),
      ['Adobe', 'Facebook', 'Google'],
    );
    assert.equal(draft.cause.vector, 'misconfigured-tracking');
    assert.match(draft.description, /even after the visitor chose "Reject all"/);
    assert.ok(!draft.description.includes('audit+7f3k9q'), 'no canary value in the incident');
  });

  it('maps every persona field to a data class of the catalogue', () => {
    const draft = incidentDraftFromFindings(
      Object.keys(DATA_CLASS_OF_FIELD).map((field, i) => ({
        ...build().findings[0]!,
        id: `F${i}`,
        field: field as keyof typeof DATA_CLASS_OF_FIELD,
      })),
      { source: 'test' },
    );
    const result = validateIncidentDraft(draft);
    assert.ok(result.ok, JSON.stringify(result.ok ? '' : result.issues));
    assert.ok(draft.dataClasses.includes('health-related-purchases'));
  });
});
