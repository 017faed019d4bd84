/** Kinds a person can look themselves up by; the same list as the catalogue's LOOKUP_KINDS. */
export const IDENTIFIER_KINDS = ['email', 'phone', 'fr-nir', 'se-personnummer', 'name-dob'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Version of the canonical forms below. Bump it whenever any canonical form changes: the OPRF input embeds it, so entries
 * built with an older canonicalisation can never match look-ups made with a newer one by accident.
 */
export const IDENTIFIER_FORMAT_VERSION = 1;

/**
 * The OPRF input for one identifier, with domain separation by kind and format version so that equal canonical strings of
 * different kinds never collide (private-lookup.md §2.2, "Put the type in the input"). The reference's example prefix is
 * `v1|`; breachdesk's is namespaced as `breachdesk/v1|` so it cannot collide with another service keyed the same way.
 * `canonical` must come from this module's parsers: nothing here re-validates it.
 */
export function identifierInput(kind: IdentifierKind, canonical: string): string {
  return `breachdesk/v${IDENTIFIER_FORMAT_VERSION}|${kind}|${canonical}`;
}
