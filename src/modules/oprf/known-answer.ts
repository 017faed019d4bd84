/**
 * RFC 9497 Appendix A.1.1 (ristretto255-SHA512, OPRF mode 0x00) test vectors. The tests check every
 * backend against them, and each sodium backend runs one known-answer test before it is used, so a
 * miscompiled addon or a broken library is refused at start-up instead of building a wrong index.
 */

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));

export const RFC9497_A11 = {
  seed: hex('a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3'),
  keyInfo: hex('74657374206b6579'), // "test key"
  skSm: hex('5ebcea5ee37023ccb9fc2d2019f9d7737be85591ae8652ffa9ef0f4d37063b0e'),
  vectors: [
    {
      input: hex('00'),
      blind: hex('64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706'),
      blindedElement: hex('609a0ae68c15a3cf6903766461307e5c8bb2f95e7e6550e1ffa2dc99e412803c'),
      evaluationElement: hex('7ec6578ae5120958eb2db1745758ff379e77cb64fe77b0b2d8cc917ea0869c7e'),
      output: hex(
        '527759c3d9366f277d8c6020418d96bb393ba2afb20ff90df23fb7708264e2f3ab9135e3bd69955851de4b1f9fe8a0973396719b7912ba9ee8aa7d0b5e24bcf6',
      ),
    },
    {
      input: hex('5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'),
      blind: hex('64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706'),
      blindedElement: hex('da27ef466870f5f15296299850aa088629945a17d1f5b7f5ff043f76b3c06418'),
      evaluationElement: hex('b4cbf5a4f1eeda5a63ce7b77c7d23f461db3fcab0dd28e4e17cecb5c90d02c25'),
      output: hex(
        'f4a74c9c592497375e796aa837e907b1a045d34306a749db9f34221f7e750cb4f2a6413a6bf6fa5e19ba6348eb673934a722a7ede2e7621306d18951e7cf2c73',
      ),
    },
  ],
} as const;

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The evaluator primitives a known-answer test needs (a backend before it is wrapped). */
export interface KnownAnswerSubject {
  evaluate(input: Uint8Array): Uint8Array;
  evaluateBatch(inputs: readonly Uint8Array[]): Uint8Array[];
  blindEvaluate(blindedElement: Uint8Array): Uint8Array;
}

/** Runs the A.1.1 vectors through a backend built with key skSm; returns what failed, or undefined. */
export function knownAnswerFailure(subject: KnownAnswerSubject): string | undefined {
  const { vectors } = RFC9497_A11;
  for (const [i, v] of vectors.entries()) {
    if (!bytesEqual(subject.evaluate(v.input), v.output)) return `Evaluate of RFC 9497 A.1.1 vector ${i + 1}`;
    if (!bytesEqual(subject.blindEvaluate(v.blindedElement), v.evaluationElement)) return `BlindEvaluate of RFC 9497 A.1.1 vector ${i + 1}`;
  }
  const batch = subject.evaluateBatch(vectors.map((v) => v.input));
  if (batch.length !== vectors.length || !vectors.every((v, i) => bytesEqual(batch[i] ?? new Uint8Array(), v.output))) {
    return 'batch Evaluate of the RFC 9497 A.1.1 vectors';
  }
  return undefined;
}
