/**
 * Who may do what in an organisation's desk. Pure; every route and use case asks `can(role, permission)`
 * of the membership it resolved, never a role name directly, so this table is the whole policy.
 */
export const ROLES = ['owner', 'dpo', 'analyst', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See incidents, assessments, notifications, the register and the organisation's members. */
  'desk.read',
  /** Create and edit incidents and their assessments. */
  'incident.write',
  /** Issue a notification to the authority, decide on informing individuals, publish a catalogue entry. */
  'incident.decide',
  /** Export the Art. 33(5) register. */
  'register.export',
  /** Read the organisation's audit log. */
  'audit.read',
  /** Add and remove members, change roles. */
  'members.manage',
  /** Create and revoke one's own API tokens. */
  'tokens.own',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  // The DPO advises and records decisions (GDPR Art. 39); member management stays with the owner.
  dpo: ['desk.read', 'incident.write', 'incident.decide', 'register.export', 'audit.read', 'tokens.own'],
  analyst: ['desk.read', 'incident.write', 'register.export', 'tokens.own'],
  'read-only': ['desk.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
