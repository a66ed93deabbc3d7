/**
 * The layout library: engineers' layouts by name in each zone, every save a new version (who, when, a note, the
 * whole scene file and how many problems the checker found in it), and the capacity studies run on each version.
 * A save names the version it was edited from: when someone else saved since, it is refused (409) rather than
 * silently overwriting their work; the primary key (layout, version) keeps two servers on one database from
 * writing the same version twice.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema';

export interface LayoutSummary {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly createdBy: string;
  readonly createdMs: number;
  /** The latest version. */
  readonly latest: VersionSummary;
}

export interface VersionSummary {
  readonly version: number;
  readonly author: string;
  readonly savedMs: number;
  readonly note?: string;
  readonly problems: number;
}

export interface StudySummary {
  readonly id: string;
  readonly version: number;
  readonly author: string;
  readonly ranMs: number;
  /** The study's result as the page sent it (sim/study/runStudy.ts `StudyResult`). */
  readonly result: unknown;
}

/** A save or a name refused: `status` is the HTTP answer it stands for. */
export class LayoutError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface SceneToSave {
  readonly zone: string;
  /** The scene file's text. */
  readonly scene: string;
  readonly problems: number;
  readonly note?: string;
}

/** SQLite's and PostgreSQL's word for a unique or primary key refused. */
function isDuplicate(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

const versionColumns = ['version', 'author', 'savedMs', 'note', 'problems'] as const;
const summary = (r: { version: number; author: string; savedMs: number; note: string | null; problems: number }): VersionSummary => ({
  version: r.version,
  author: r.author,
  savedMs: r.savedMs,
  problems: r.problems,
  ...(r.note === null ? {} : { note: r.note }),
});

export class LayoutStore {
  constructor(private readonly db: Kysely<Tables>) {}

  /** A new layout named `name` in the scene's zone, its first version this scene. */
  async create(name: string, author: string, s: SceneToSave, now = Date.now()): Promise<LayoutSummary> {
    const id = randomUUID();
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('layouts').values({ id, name, zone: s.zone, createdBy: author, createdMs: now }).execute();
        await tx
          .insertInto('layoutVersions')
          .values({ layoutId: id, version: 1, author, savedMs: now, note: s.note ?? null, problems: s.problems, scene: s.scene })
          .execute();
      });
    } catch (e) {
      if (isDuplicate(e)) throw new LayoutError(409, `name "${name}": zone ${s.zone} already has a layout of that name`);
      throw e;
    }
    return {
      id,
      name,
      zone: s.zone,
      createdBy: author,
      createdMs: now,
      latest: summary({ version: 1, author, savedMs: now, note: s.note ?? null, problems: s.problems }),
    };
  }

  /** Saves the next version, edited from version `basedOn`; refused when that is no longer the latest. */
  async save(id: string, basedOn: number, author: string, s: SceneToSave, now = Date.now()): Promise<VersionSummary> {
    const layout = await this.layout(id);
    if (layout.zone !== s.zone) throw new LayoutError(409, `scene.zone.id: layout "${layout.name}" is of zone ${layout.zone}, this scene of ${s.zone}`);
    const latest = layout.latest;
    if (basedOn !== latest.version) {
      throw new LayoutError(
        409,
        `basedOn: version ${latest.version} was saved by ${latest.author} at ${new Date(latest.savedMs).toISOString()} since version ${basedOn}: open it and edit from there, or save as a new layout`,
      );
    }
    const row = { layoutId: id, version: latest.version + 1, author, savedMs: now, note: s.note ?? null, problems: s.problems, scene: s.scene };
    try {
      await this.db.insertInto('layoutVersions').values(row).execute();
    } catch (e) {
      if (isDuplicate(e)) throw new LayoutError(409, `basedOn: someone saved version ${row.version} at the same moment: open it and edit from there`);
      throw e;
    }
    return summary(row);
  }

  /** Every layout (of one zone), by name, with its latest version. */
  async list(zone?: string): Promise<readonly LayoutSummary[]> {
    let q = this.db.selectFrom('layouts').selectAll();
    if (zone !== undefined) q = q.where('zone', '=', zone);
    const layouts = await q.orderBy('zone').orderBy('name').execute();
    if (layouts.length === 0) return [];
    const latest = await this.db
      .selectFrom('layoutVersions as v')
      .select(['v.layoutId', 'v.version', 'v.author', 'v.savedMs', 'v.note', 'v.problems'])
      .where(({ eb, selectFrom }) =>
        eb(
          'v.version',
          '=',
          selectFrom('layoutVersions as w')
            .select(({ fn }) => fn.max('w.version').as('m'))
            .whereRef('w.layoutId', '=', 'v.layoutId'),
        ),
      )
      .execute();
    const byId = new Map(latest.map((r) => [r.layoutId, summary(r)]));
    return layouts.map((l) => ({ ...l, latest: byId.get(l.id)! }));
  }

  async layout(id: string): Promise<LayoutSummary> {
    const l = await this.db.selectFrom('layouts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!l) throw new LayoutError(404, `no layout ${id}`);
    const v = await this.db
      .selectFrom('layoutVersions')
      .select(versionColumns)
      .where('layoutId', '=', id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { ...l, latest: summary(v) };
  }

  /** A layout's versions, newest first. */
  async versions(id: string): Promise<readonly VersionSummary[]> {
    await this.layout(id);
    const rows = await this.db.selectFrom('layoutVersions').select(versionColumns).where('layoutId', '=', id).orderBy('version', 'desc').execute();
    return rows.map(summary);
  }

  /** One version's scene file text. */
  async scene(id: string, version: number): Promise<string> {
    const r = await this.db.selectFrom('layoutVersions').select('scene').where('layoutId', '=', id).where('version', '=', version).executeTakeFirst();
    if (!r) throw new LayoutError(404, `no version ${version} of layout ${id}`);
    return r.scene;
  }

  async addStudy(id: string, version: number, author: string, result: unknown, now = Date.now()): Promise<StudySummary> {
    await this.scene(id, version);
    const row = { id: randomUUID(), layoutId: id, version, author, ranMs: now, result: JSON.stringify(result) };
    await this.db.insertInto('layoutStudies').values(row).execute();
    return { id: row.id, version, author, ranMs: now, result };
  }

  /** The studies run on a layout's versions, newest first. */
  async studies(id: string): Promise<readonly StudySummary[]> {
    await this.layout(id);
    const rows = await this.db
      .selectFrom('layoutStudies')
      .select(['id', 'version', 'author', 'ranMs', 'result'])
      .where('layoutId', '=', id)
      .orderBy('ranMs', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, result: JSON.parse(r.result) as unknown }));
  }
}
