/**
 * The layout library as the page sees it (the control-room server's /api/layouts, server/http/routes/layoutRoutes.ts):
 * what the engineering console asks of it. The app implements it over HTTP; each call rejects with an Error whose
 * message is the server's own reason (a name taken, a save not based on the latest version, a field refused).
 */
import type { LayoutComparison } from '../../domain/layoutCompare';
import type { Scene } from '../../domain/sceneSchema';
import type { StudyResult } from '../../sim/study/runStudy';

export interface LibraryVersion {
  readonly version: number;
  readonly author: string;
  readonly savedMs: number;
  readonly note?: string;
  /** How many problems the checker found in it when saved. */
  readonly problems: number;
}

export interface LibraryLayout {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly createdBy: string;
  readonly createdMs: number;
  readonly latest: LibraryVersion;
}

export interface LibraryStudy {
  readonly id: string;
  readonly version: number;
  readonly author: string;
  readonly ranMs: number;
  readonly result: StudyResult;
}

export type LibraryComparison = LayoutComparison & { readonly from: number; readonly to: number };

export interface LayoutLibraryApi {
  list(zone: string): Promise<readonly LibraryLayout[]>;
  versions(id: string): Promise<readonly LibraryVersion[]>;
  /** One version's scene, checked as any opened file is (a version that no longer parses is refused with its problems). */
  open(id: string, version: number): Promise<Scene>;
  create(name: string, scene: Scene, note?: string): Promise<LibraryLayout>;
  save(id: string, basedOn: number, scene: Scene, note?: string): Promise<LibraryVersion>;
  compare(id: string, from: number, to: number): Promise<LibraryComparison>;
  studies(id: string): Promise<readonly LibraryStudy[]>;
  addStudy(id: string, version: number, result: StudyResult): Promise<LibraryStudy>;
}
