import { describe, expect, it } from 'vitest';
import { isRole, may, ROLES } from './roles';

describe('roles', () => {
  it('lets every role view, only operators and admins command, only engineers and admins design, only admins administer', () => {
    expect(ROLES.filter((r) => may(r, 'view'))).toEqual(['viewer', 'operator', 'engineer', 'admin']);
    expect(ROLES.filter((r) => may(r, 'command'))).toEqual(['operator', 'admin']);
    expect(ROLES.filter((r) => may(r, 'design'))).toEqual(['engineer', 'admin']);
    expect(ROLES.filter((r) => may(r, 'administer'))).toEqual(['admin']);
  });

  it('knows its roles and nothing else', () => {
    expect(isRole('operator')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
