/**
 * The layout library over the control-room server's HTTP API (store/server/layoutLibraryApi.ts). A refusal rejects
 * with the server's reason; an unreachable server with what the browser said. A version opened is checked against
 * the scene schema, so a malformed one never reaches the editor.
 */
import { Scene } from '../../domain/sceneSchema';
import { zodProblems } from '../../domain/zodProblems';
import type { StudyResult } from '../../sim/study/runStudy';
import type { LayoutLibraryApi, LibraryComparison, LibraryLayout, LibraryStudy, LibraryVersion } from '../../store/server/layoutLibraryApi';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class LayoutLibraryClient implements LayoutLibraryApi {
  constructor(private readonly fetchFn: Fetch = (input, init) => fetch(input, init)) {}

  async list(zone: string): Promise<readonly LibraryLayout[]> {
    return (await this.call<{ layouts: LibraryLayout[] }>('GET', `/api/layouts?zone=${encodeURIComponent(zone)}`)).layouts;
  }

  async versions(id: string): Promise<readonly LibraryVersion[]> {
    return (await this.call<{ versions: LibraryVersion[] }>('GET', `/api/layouts/${encodeURIComponent(id)}`)).versions;
  }

  async open(id: string, version: number): Promise<Scene> {
    const text = await this.text(`/api/layouts/${encodeURIComponent(id)}/versions/${version}`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`version ${version} is not JSON`);
    }
    // The schema, not the checker: a version saved with problems (work in progress) opens, its problems listed.
    const r = Scene.safeParse(data, { reportInput: true });
    if (!r.success)
      throw new Error(
        zodProblems(r.error)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      );
    return r.data;
  }

  create(name: string, scene: Scene, note?: string): Promise<LibraryLayout> {
    return this.call('POST', '/api/layouts', { name, scene, ...(note ? { note } : {}) });
  }

  save(id: string, basedOn: number, scene: Scene, note?: string): Promise<LibraryVersion> {
    return this.call('POST', `/api/layouts/${encodeURIComponent(id)}/versions`, { basedOn, scene, ...(note ? { note } : {}) });
  }

  compare(id: string, from: number, to: number): Promise<LibraryComparison> {
    return this.call('GET', `/api/layouts/${encodeURIComponent(id)}/compare?from=${from}&to=${to}`);
  }

  async studies(id: string): Promise<readonly LibraryStudy[]> {
    return (await this.call<{ studies: LibraryStudy[] }>('GET', `/api/layouts/${encodeURIComponent(id)}/studies`)).studies;
  }

  addStudy(id: string, version: number, result: StudyResult): Promise<LibraryStudy> {
    return this.call('POST', `/api/layouts/${encodeURIComponent(id)}/versions/${version}/studies`, { result });
  }

  private async text(path: string): Promise<string> {
    const res = await this.request('GET', path);
    const text = await res.text();
    if (!res.ok) throw new Error(reason(text, res.status));
    return text;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(reason(text, res.status));
    return JSON.parse(text) as T;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    try {
      return await this.fetchFn(path, {
        method,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new Error(`the server cannot be reached (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}

function reason(text: string, status: number): string {
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    if (typeof error === 'string') return error;
  } catch {
    // Not JSON: the status says it.
  }
  return `the server answered ${status}`;
}
