import { randomBytes } from 'node:crypto';
import { createEntryBuilder, createFusedEntryBuilder, type IndexEntryBuilder } from '../modules/lookup/index.js';
import type { OprfEvaluator } from '../modules/oprf/index.js';
import { nodeIndexCrypto } from './node-index-crypto.js';

const random = (n: number) => new Uint8Array(randomBytes(n));

/** The fastest entry builder the backend offers: fused in C on sodium-native, else the TypeScript reference. */
export function entryBuilderFor(evaluator: OprfEvaluator): IndexEntryBuilder {
  return evaluator.indexEntries
    ? createFusedEntryBuilder(evaluator.indexEntries, random)
    : createEntryBuilder((inputs) => evaluator.evaluateBatch(inputs), nodeIndexCrypto, random);
}
