// `breachdesk audit` driven in-process through runCli (no browser: the HAR path), against a fresh SQLite data
// directory for --open-incident.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../main/cli.js';
import { createServices } from '../main/services.js';
import type { AuditReport } from '../modules/leak-audit/index.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { EXIT_LEAKS_FOUND } from './audit-command.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/leak-audit/', import.meta.url));
const HARS = [join(FIXTURES, 'shop-anonymous.har'), join(FIXTURES, 'shop-logged-in.har')];
const PERSONAS = join(FIXTURES, 'personas.json');
const EMAIL = 'audit+7f3k9q@example.se';

describe('breachdesk audit', () => {
  let dir: string;
  let env: Record<string, string>;
  let entities: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'breachdesk-audit-'));
    env = { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', SEED: 'false' };
    entities = join(dir, 'entities.yaml');
    writeFileSync(
      entities,
      [
        'facebook.test',
        'google-analytics.test',
        'googleadservices.test',
        'googletagmanager.test',
        'tiktok.test',
        'adobe.test',
        'linkedin.test',
        'bing.test',
        'clarity.test',
        'hotjar.test',
      ]
        .map((domain) => `- { domain: ${domain}, company: ${domain.split('.')[0]}, category: ad }`)
        .join('\n'),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('audits HAR files: writes report.json and report.html, prints findings per company, exits 3 on leaks', async () => {
    const out = join(dir, 'har');
    const r = await run(
      'audit',
      'har',
      ...HARS,
      '--personas',
      PERSONAS,
      '--consent',
      'accept-all',
      '--out',
      out,
      '--lang',
      'fr',
      '--entities',
      entities,
      '--skip-dns',
    );
    assert.equal(r.code, EXIT_LEAKS_FOUND, r.err);
    assert.match(r.out, /^\d+ findings in \d+ requests \(accept-all\)\./);
    assert.match(r.out, /^ {2}facebook: \d+ \(email, first-name, phone, sensitive-term\)$/m);
    assert.ok(!r.out.includes(EMAIL), 'no canary value on the terminal');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AuditReport;
    assert.ok(report.findings.length > 20);
    assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /<html lang="fr">/);
  });

  it('exits 0 when nothing reached a third party', async () => {
    const other = join(dir, 'other-personas.json');
    writeFileSync(
      other,
      JSON.stringify([{ id: 'nobody', label: 'A customer who never used the shop', fields: { email: ['nobody+zz9q@example.org'] } }]),
    );
    const r = await run('audit', 'har', ...HARS, '--personas', other, '--out', join(dir, 'none'), '--skip-dns');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^0 findings in \d+ requests \(no-choice\)\./);
  });

  it('rejects bad usage and names the file and field of a bad input', async () => {
    assert.equal((await run('audit', 'har', ...HARS)).code, 2, '--personas is required');
    assert.equal((await run('audit', 'run')).code, 2, '--config is required');
    assert.equal((await run('audit', 'har', ...HARS, '--personas', PERSONAS, '--consent', 'maybe')).code, 2);
    assert.equal((await run('audit', 'har', ...HARS, '--personas', PERSONAS, '--open-incident')).code, 2, '--org is required');
    const badPersonas = join(dir, 'bad-personas.yaml');
    writeFileSync(badPersonas, 'personas:\n  - id: p\n    label: P\n    fields: { email: [] }\n');
    const bad = await run('audit', 'har', ...HARS, '--personas', badPersonas, '--skip-dns');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /bad-personas\.yaml/);
    assert.match(bad.err, /\[0\]\.fields\.email/);
    const missing = await run('audit', 'run', '--config', join(dir, 'nope.yaml'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.yaml/);
  });

  it('--open-incident creates a draft incident in the organisation desk, with data classes and recipients', async () => {
    const services = await createServices(loadConfig(env), createLogger({ level: 'silent' }));
    try {
      await services.organisations.createOrganisation(
        { slug: 'shop', name: 'Shop AB', country: 'SE' },
        { email: 'dpo@shop.example', displayName: 'DPO Shop', password: 'a long enough password' },
        'cli:test',
      );
    } finally {
      await services.close();
    }
    const r = await run(
      'audit',
      'har',
      ...HARS,
      '--personas',
      PERSONAS,
      '--consent',
      'accept-all',
      '--out',
      join(dir, 'inc'),
      '--entities',
      entities,
      '--skip-dns',
      '--open-incident',
      '--org',
      'shop',
    );
    assert.equal(r.code, EXIT_LEAKS_FOUND, r.err);
    const id = /Draft incident (\S+) opened in the desk of shop\./.exec(r.out)?.[1];
    assert.ok(id, r.out);

    const again = await createServices(loadConfig(env), createLogger({ level: 'silent' }));
    try {
      const ctx = await again.organisations.operatorContext('shop', 'cli:test');
      const { incident } = await again.incidents.get(ctx, id);
      assert.match(incident.title, /^Leak audit: customer data sent to \d+ companies/);
      assert.deepEqual(incident.nature?.types, ['confidentiality']);
      assert.equal(incident.cause?.vector, 'misconfigured-tracking');
      assert.deepEqual([...(incident.dataClasses ?? [])].sort(), [
        'customer-number',
        'email-address',
        'health-related-purchases',
        'name',
        'phone-number',
        'se-personnummer',
      ]);
      assert.ok(incident.contacts?.otherParties?.some((p) => p.name === 'facebook' && p.contactDetails?.includes('www.facebook.test')));
      assert.equal(incident.timeline?.awarenessAt, undefined, 'the 72-hour clock is the controller’s to start');
      assert.ok(!JSON.stringify(incident).includes(EMAIL), 'no canary value in the incident');
    } finally {
      await again.close();
    }
  });
});
