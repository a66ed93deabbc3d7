import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../server/config';
import { startServer } from '../server/startServer';

const dir = mkdtempSync(join(tmpdir(), 'twin-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (args: readonly string[], input?: string) =>
  spawnSync('node_modules/.bin/tsx', ['scripts/user.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, TWIN_DATA_DIR: dir },
    timeout: 60_000,
  });

describe('npm run user', () => {
  it(
    'adds users with a password from standard input or a generated one, lists and removes them; the server signs them in',
    { timeout: 120_000 },
    async () => {
      const added = user(['add', 'ana', '--role', 'operator', '--password-stdin'], 'twelve chars or more\n');
      expect(added.stderr).toBe('');
      expect(added.stdout).toMatch(/^added ana \(operator\) to the embedded database at .*twin\.sqlite\n$/);
      const generated = user(['add', 'binh', '--role', 'viewer']);
      const password = /password \(shown once\): ([0-9a-f]{32})/.exec(generated.stdout)?.[1];
      expect(password).toBeDefined();
      expect(user(['list']).stdout).toBe('ana\toperator\nbinh\tviewer\n');

      const refused = user(['add', 'chi', '--role', 'root', '--password-stdin'], 'twelve chars or more');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/role "root": one of viewer, operator, engineer, admin/);
      expect(user(['add', 'chi']).stderr).toMatch(/^usage: npm run user -- add <name> --role/);

      const server = await startServer(readConfig({ TWIN_PORT: '0', TWIN_DATA_DIR: dir }));
      try {
        const signIn = (name: string, pw: string) =>
          fetch(`${server.url}/api/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name, password: pw }),
          });
        expect(await (await signIn('ana', 'twelve chars or more')).json()).toEqual({ name: 'ana', role: 'operator' });
        expect((await signIn('binh', password!)).status).toBe(200);
      } finally {
        await server.close();
      }
      expect(user(['remove', 'binh']).stdout).toBe('removed binh\n');
      expect(user(['list']).stdout).toBe('ana\toperator\n');
    },
  );
});
