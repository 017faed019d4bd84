import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../src/platform/errors.js';
import { HTTP_STATUS } from '../src/web/problem.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('documentation stays true', () => {
  it('docs/errors.md documents every error code, with its HTTP status', () => {
    const doc = read('docs/errors.md');
    const rowOf = (code: string) => doc.split('\n').find((l) => new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`).test(l));
    const missing = ERROR_CODES.filter((code) => rowOf(code) === undefined);
    assert.deepEqual(missing, [], `add these codes to docs/errors.md: ${missing.join(', ')}`);
    for (const code of ERROR_CODES) {
      const cells = rowOf(code)!
        .split('|')
        .map((c) => c.trim());
      if (code !== 'CLI_USAGE') assert.equal(cells[2], String(HTTP_STATUS[code]), `${code} row must give HTTP ${HTTP_STATUS[code]}`);
    }
  });

  it('docs/errors.md documents no code that does not exist', () => {
    const documented = [...read('docs/errors.md').matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((m) => m[1]);
    const known = new Set<string>(ERROR_CODES);
    assert.deepEqual(
      documented.filter((c) => !known.has(c!)),
      [],
    );
  });

  it('the README quickstart is exactly two commands, and npm test is one of them', () => {
    const readme = read('README.md');
    const block = /## Quickstart[\s\S]*?```(?:sh|bash|shell)?\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README.md needs a Quickstart section with one code block');
    const commands = block[1]!.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    assert.equal(commands.length, 2, commands.join('\n'));
    assert.equal(commands[1]!.trim(), 'npm test');
  });

  it('.ci/run runs the same check as the README says', () => {
    assert.match(read('.ci/run'), /npm run check/);
  });
});
