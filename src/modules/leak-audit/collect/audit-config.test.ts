import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.js';
import { parseAuditConfig, parsePersonas, personaFor, resolveAuditConfig } from './audit-config.js';

const fixture = (name: string): Promise<string> =>
  readFile(new URL(`../../../../test/fixtures/leak-audit/${name}`, import.meta.url), 'utf8');

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
    return error;
  }
  assert.fail('did not throw');
}

const minimal = { startUrls: ['https://www.example.test/'], personas: 'personas.json' };

describe('audit configuration', () => {
  it('reads the test shop’s YAML configuration and its personas file', async () => {
    const config = parseAuditConfig(await fixture('shop.audit.yaml'), 'shop.audit.yaml');
    assert.deepEqual(
      config.consent.map((c) => [c.state, c.steps.length]),
      [
        ['accept-all', 1],
        ['reject-all', 1],
        ['no-choice', 0],
      ],
    );
    assert.equal(config.personas, 'personas.json');
    assert.deepEqual(
      config.flows.map((f) => [f.name, f.session]),
      [
        ['quote form', 'anonymous'],
        ['my pages', 'logged-in'],
        ['activity', 'logged-in'],
      ],
    );
    assert.deepEqual(config.flows[0]?.steps[1], { action: 'fill', target: { label: 'E-post' }, field: 'email', name: 'type e-mail' });
    const personas = parsePersonas(await fixture('personas.json'), 'personas.json');
    const resolved = resolveAuditConfig(config, personas, 'shop.audit.yaml');
    assert.equal(personaFor(resolved).fields['se-personnummer']?.[0], '19121212-1212');
  });

  it('reads JSON too, and fills in the defaults', () => {
    const config = parseAuditConfig(JSON.stringify(minimal), 'audit.json');
    assert.deepEqual(config.consent, [{ state: 'no-choice', steps: [] }]);
    assert.deepEqual(config.flows, []);
    assert.deepEqual(config.timeouts, { stepMs: 10_000, settleMs: 500 });
  });

  it('lists every problem with a JSON path, never the values', () => {
    const bad = {
      startUrls: ['ftp://x.test/'],
      consent: [{ state: 'maybe' }, { state: 'no-choice', steps: [{ action: 'fill', target: { label: 'E-post' } }] }],
      flows: [{ name: 'a', session: 'logged-in', steps: [{ action: 'click', target: { role: 'button', css: '#x' } }] }],
      personas: [{ id: 'p', label: 'P', fields: { email: ['secret+1@example.se'], shoeSize: ['44'] } }],
    };
    const error = thrown(() => parseAuditConfig(JSON.stringify(bad), 'bad.json'));
    assert.equal(error.code, 'VALIDATION_FAILED');
    const paths = error.issues.map((i) => i.path);
    for (const path of ['startUrls[0]', 'consent[0].state', 'consent[1].steps[0]', 'flows[0].steps[0].target', 'personas[0].fields']) {
      assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
    }
    assert.ok(!JSON.stringify(error.issues).includes('secret+1'));
    assert.match(error.message, /^Invalid bad\.json: /);
  });

  it('needs a login for logged-in flows, unique consent states and flow names', () => {
    const error = thrown(() =>
      parseAuditConfig(
        JSON.stringify({
          ...minimal,
          consent: [{ state: 'no-choice' }, { state: 'no-choice' }],
          flows: [
            { name: 'x', session: 'logged-in', steps: [{ action: 'waitFor', ms: 1 }] },
            { name: 'x', steps: [{ action: 'waitFor', ms: 1, url: '**/a' }] },
          ],
        }),
        'c.json',
      ),
    );
    const messages = error.issues.map((i) => `${i.path}: ${i.message}`);
    assert.ok(messages.includes('consent: each consent state at most once'), messages.join('\n'));
    assert.ok(messages.includes('login: logged-in flows need a login'), messages.join('\n'));
    assert.ok(messages.includes('flows[1].name: flow names must be unique'), messages.join('\n'));
    assert.ok(messages.includes('flows[1].steps[0]: give exactly one of target, url or ms'), messages.join('\n'));
  });

  it('reports YAML and JSON syntax errors by position without quoting the line', () => {
    const yaml = thrown(() => parseAuditConfig('startUrls:\n  - "http://a.test/\npersonas: secret+2@example.se\n', 'a.yaml'));
    assert.equal(yaml.code, 'VALIDATION_FAILED');
    assert.match(yaml.message, /a\.yaml: \(root\): not valid YAML at line \d+, column \d+/);
    assert.ok(!yaml.message.includes('secret+2'));
    const json = thrown(() => parseAuditConfig('{"startUrls": [', 'a.json'));
    assert.equal(json.code, 'INPUT_JSON_INVALID');
    assert.match(json.message, /^a\.json:1:\d+: not valid JSON/);
  });

  it('checks the personas against the steps once both are known', async () => {
    const config = parseAuditConfig(
      JSON.stringify({
        ...minimal,
        persona: 'nobody',
        flows: [
          { name: 'f', persona: 'p2', steps: [{ action: 'fill', target: { label: 'Kundnummer' }, field: 'customer-number', index: 1 }] },
        ],
      }),
      'c.json',
    );
    const personas = parsePersonas(
      JSON.stringify([
        { id: 'p1', label: 'one', fields: { email: ['a@example.se'] } },
        { id: 'p2', label: 'two', fields: { 'customer-number': ['K-1'] } },
      ]),
      'p.json',
    );
    const error = thrown(() => resolveAuditConfig(config, personas, 'c.json'));
    assert.deepEqual(error.issues, [
      { path: 'persona', message: 'no persona has this id' },
      { path: 'flows[0].steps[0].field', message: 'persona p2 has no value 1 for customer-number' },
    ]);
    const duplicate = thrown(() => parsePersonas(JSON.stringify({ personas: [personas[0], personas[0]] }), 'p.json'));
    assert.deepEqual(duplicate.issues, [{ path: '[1].id', message: 'persona ids must be unique' }]);
  });
});
