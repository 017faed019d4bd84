import { nativeBackendStatus } from '../../src/modules/oprf/index.js';

/**
 * The one rule for tests that need something installed (Chromium, nginx, PostgreSQL, Redis, the native
 * OPRF addon): on a developer's machine they skip with `reason`; in CI (CI set) they never skip, so a
 * missing dependency fails the run loudly. `reason` false: nothing is missing.
 */
export function skipOutsideCi(reason: string | false | null): string | false {
  if (reason === null || reason === false || process.env['CI']) return false;
  return reason;
}

/** Why the native OPRF addon tests cannot run here, or false (always false in CI). */
export async function nativeAddonSkipReason(): Promise<string | false> {
  const native = await nativeBackendStatus();
  return skipOutsideCi(native.available ? false : `native OPRF addon unavailable: ${native.reason}`);
}
