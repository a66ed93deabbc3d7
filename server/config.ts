/**
 * The server's settings, all from the environment (README, *The control-room server*). Nothing secret has a
 * default: the broker's password comes from `TWIN_BROKER_PASSWORD` or the file `TWIN_BROKER_PASSWORD_FILE` names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface BrokerSettings {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** The embedded database and the recordings. */
  readonly dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of the embedded database. */
  readonly databaseUrl?: string;
  readonly broker?: BrokerSettings;
  /** The built app it serves. */
  readonly distDir: string;
  /** The layout whose map placement and lane network the live fleet drives on (a scene file). */
  readonly scene: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
};

/** @example readConfig(process.env).port === 5173 when TWIN_PORT is unset */
export function readConfig(env: Env, cwd = process.cwd()): ServerConfig {
  const portText = set(env, 'TWIN_PORT') ?? '5173';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`TWIN_PORT: "${portText}" is not a port number (0–65535)`);
  const databaseUrl = set(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL: only postgres://… is understood (leave it unset for the embedded database)');
  }
  return {
    host: set(env, 'TWIN_HOST') ?? '127.0.0.1',
    port,
    dataDir: resolve(cwd, set(env, 'TWIN_DATA_DIR') ?? 'var'),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...brokerOf(env),
    distDir: resolve(cwd, set(env, 'TWIN_DIST_DIR') ?? 'dist'),
    scene: resolve(cwd, set(env, 'TWIN_SCENE') ?? 'scenes/1119-1120/proposed.json'),
  };
}

function brokerOf(env: Env): { broker?: BrokerSettings } {
  const url = set(env, 'TWIN_BROKER_URL');
  if (url === undefined) return {};
  if (!/^(mqtts?|wss?|tcp|ssl):\/\//.test(url))
    throw new ConfigError(`TWIN_BROKER_URL: "${url}" is not an MQTT address (mqtt://, mqtts://, ws://, wss://)`);
  const username = set(env, 'TWIN_BROKER_USERNAME');
  const file = set(env, 'TWIN_BROKER_PASSWORD_FILE');
  let password = env.TWIN_BROKER_PASSWORD;
  if (file !== undefined) {
    try {
      password = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new ConfigError(`TWIN_BROKER_PASSWORD_FILE: cannot read ${file} (${(e as Error).message})`);
    }
  }
  return { broker: { url, ...(username === undefined ? {} : { username }), ...(password ? { password } : {}) } };
}
