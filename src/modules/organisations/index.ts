export {
  createOrganisations,
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
  MIN_PASSWORD_LENGTH,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  type DeskContext,
  type Member,
  type Organisation,
  type Organisations,
  type OrganisationsDeps,
  type PasswordHasher,
  type SessionInfo,
  type TokenInfo,
  type UserInfo,
} from './organisations.js';
export { can, isRole, PERMISSIONS, ROLES, type Permission, type Role } from './roles.js';
export { registerOrganisationRoutes, type OrganisationRoutesOptions } from './organisations.routes.js';
