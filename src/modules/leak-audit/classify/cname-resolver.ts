/**
 * The port through which the classifier gets CNAME chains (DNS is I/O, so an adapter answers it:
 * src/adapters/dns-cname-resolver.ts).
 */

/** Why one host's chain is missing or cut short. The chain found up to that point is still returned. */
export const CNAME_FAILURE_CODES = [
  /** No answer within the time allowed for the host. */
  'TIMEOUT',
  /** The name does not exist (NXDOMAIN). */
  'NOT_FOUND',
  /** The resolver answered with an error (SERVFAIL, REFUSED, a malformed answer…); `dnsCode` says which. */
  'DNS_ERROR',
  /** The chain came back to a name already in it. */
  'LOOP',
  /** The chain was still going after the maximum number of levels. */
  'TOO_LONG',
] as const;
export type CnameFailureCode = (typeof CNAME_FAILURE_CODES)[number];

export interface CnameFailure {
  readonly code: CnameFailureCode;
  /** The name whose query failed: the host itself or a target in its chain. */
  readonly name: string;
  /** Node's error code (ESERVFAIL, ECONNREFUSED…), when the failure came from the resolver. */
  readonly dnsCode?: string;
}

export interface CnameResolution {
  /**
   * Host → its CNAME chain in order (the host's target first, the last name reached last); `[]` when the
   * host has no CNAME. Every host asked about is here, even one that failed (with the part found).
   * This is the map `classifyRecipient` takes as `context.cnames`.
   */
  readonly chains: ReadonlyMap<string, readonly string[]>;
  /** Host → why its chain is missing or incomplete. */
  readonly failures: ReadonlyMap<string, CnameFailure>;
}

export interface CnameResolver {
  /** Never rejects because of one host: each host's failure is recorded in `failures`. */
  resolveCnameChains(hosts: readonly string[]): Promise<CnameResolution>;
}
