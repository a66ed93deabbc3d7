/**
 * Who may do what on a twin served by the control-room server. The four roles are not a ladder: an operator moves
 * vehicles, an engineer changes layouts, neither does the other's work; an admin does everything, including users.
 * The server checks every API route against this table; the consoles use it to disable what a role may not do and
 * to say why.
 */
export const ROLES = ['viewer', 'operator', 'engineer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an API route needs beyond a session: to watch, to command vehicles, to save layouts, to manage users. */
export type Capability = 'view' | 'command' | 'design' | 'administer';

const GRANTS: Readonly<Record<Role, readonly Capability[]>> = {
  viewer: ['view'],
  operator: ['view', 'command'],
  engineer: ['view', 'design'],
  admin: ['view', 'command', 'design', 'administer'],
};

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** @example may('operator', 'command') === true; may('engineer', 'command') === false */
export function may(role: Role, capability: Capability): boolean {
  return GRANTS[role].includes(capability);
}
