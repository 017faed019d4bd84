import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { can, isRole, PERMISSIONS, ROLES, type Permission, type Role } from './roles.js';

describe('roles', () => {
  const table: readonly [Role, readonly Permission[]][] = [
    ['owner', PERMISSIONS],
    ['dpo', ['desk.read', 'incident.write', 'incident.decide', 'register.export', 'audit.read', 'tokens.own']],
    ['analyst', ['desk.read', 'incident.write', 'register.export', 'tokens.own']],
    ['read-only', ['desk.read']],
  ];
  for (const [role, granted] of table) {
    it(`${role} may do exactly: ${granted.join(', ')}`, () => {
      for (const permission of PERMISSIONS) assert.equal(can(role, permission), granted.includes(permission), `${role} ${permission}`);
    });
  }

  it('only the owner manages members; nobody but the owner and the DPO decides', () => {
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'members.manage')),
      ['owner'],
    );
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'incident.decide')),
      ['owner', 'dpo'],
    );
  });

  it('recognises role names', () => {
    assert.ok(isRole('dpo'));
    assert.ok(!isRole('admin'));
    assert.ok(!isRole(undefined));
  });
});
