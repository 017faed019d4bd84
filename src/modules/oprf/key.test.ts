import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { isAppError } from '../../platform/errors.js';
import { createOprfKey, deriveKeyPair, randomSecretKey } from './index.js';
import { RFC9497_A11 } from './known-answer.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const ORDER_LE = Uint8Array.from(Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex'));

function assertValidation(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => isAppError(error) && error.code === 'VALIDATION_FAILED');
}

describe('OPRF keys', () => {
  it('deriveKeyPair matches noble for any seed and info', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 40 }), (seed, info) => {
        const mine = deriveKeyPair(seed, info);
        const noble = ristretto255_oprf.oprf.deriveKeyPair(seed, info);
        assert.equal(hex(mine.secretKey), hex(noble.secretKey));
        assert.equal(hex(mine.publicKey), hex(noble.publicKey));
      }),
      { numRuns: 20 },
    );
    assertValidation(() => deriveKeyPair(new Uint8Array(31), new Uint8Array(0)));
  });

  it('createOprfKey computes the public key and the fingerprint', () => {
    const key = createOprfKey(42, RFC9497_A11.skSm);
    assert.equal(key.epoch, 42);
    assert.equal(hex(key.publicKey), hex(deriveKeyPair(RFC9497_A11.seed, RFC9497_A11.keyInfo).publicKey));
    const digest = createHash('sha256').update('breachdesk/oprf-key/v1').update('ristretto255-SHA512').update(key.publicKey).digest();
    assert.equal(key.fingerprint, digest.subarray(0, 16).toString('hex'));
    assert.match(key.fingerprint, /^[0-9a-f]{32}$/);
  });

  it('keeps the secret out of JSON, logs, spread and structured clones', () => {
    const key = createOprfKey(1, RFC9497_A11.skSm);
    assert.equal(hex(key.secretKey), hex(RFC9497_A11.skSm));
    assert.notEqual(key.secretKey, RFC9497_A11.skSm, 'the secret is copied');
    const secretHex = hex(RFC9497_A11.skSm);
    assert.ok(!JSON.stringify(key).includes('secretKey'));
    assert.deepEqual(Object.keys(key).sort(), ['epoch', 'fingerprint', 'publicKey']);
    assert.equal(({ ...key } as { secretKey?: unknown }).secretKey, undefined);
    assert.equal((structuredClone(key) as { secretKey?: unknown }).secretKey, undefined);
    assert.ok(Object.isFrozen(key));
    assert.ok(!JSON.stringify(key).includes(secretHex));
  });

  it('refuses secret keys that are not canonical nonzero 32-byte scalars, and bad epochs', () => {
    assertValidation(() => createOprfKey(1, new Uint8Array(32)));
    assertValidation(() => createOprfKey(1, new Uint8Array(31).fill(1)));
    assertValidation(() => createOprfKey(1, ORDER_LE));
    assertValidation(() => createOprfKey(1, new Uint8Array(32).fill(0xff)));
    assertValidation(() => createOprfKey(-1, RFC9497_A11.skSm));
    assertValidation(() => createOprfKey(1.5, RFC9497_A11.skSm));
  });

  it('randomSecretKey reduces 64 random bytes to a nonzero canonical scalar', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20; i++)
      keys.add(
        hex(
          createOprfKey(
            0,
            randomSecretKey((n) => randomBytes(n)),
          ).secretKey,
        ),
      );
    assert.equal(keys.size, 20);
    // 64 bytes of 0xff reduce to a canonical scalar; a source of zeros never yields the zero scalar.
    assert.doesNotThrow(() =>
      createOprfKey(
        0,
        randomSecretKey((n) => new Uint8Array(n).fill(0xff)),
      ),
    );
    assert.throws(
      () => randomSecretKey((n) => new Uint8Array(n)),
      (error: unknown) => isAppError(error) && error.code === 'INTERNAL',
    );
    let calls = 0;
    const key = randomSecretKey((n) => (calls++ === 0 ? new Uint8Array(n) : new Uint8Array(n).fill(7)));
    assert.equal(calls, 2);
    assert.doesNotThrow(() => createOprfKey(0, key));
  });
});
