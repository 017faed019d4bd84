// Regenerates docs/openapi.json from the zod schemas (npm run openapi). A test fails when it drifts.
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../src/web/openapi.js';

const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
