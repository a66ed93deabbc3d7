/** The index of the recorded segments: what is on disk, from when to when, in what state. */
import type { Kysely } from 'kysely';
import type { RecordingsTable, Tables } from '../db/schema';

export type Segment = RecordingsTable;

export class RecordingStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async add(s: Segment): Promise<void> {
    await this.db.insertInto('recordings').values(s).execute();
  }

  async update(id: string, s: Pick<Segment, 'endMs' | 'messages' | 'bytes' | 'state'>): Promise<void> {
    await this.db.updateTable('recordings').set(s).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('recordings').where('id', '=', id).execute();
  }

  async byId(id: string): Promise<Segment | undefined> {
    return this.db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Segments overlapping [fromMs, toMs), oldest first. */
  async list(fromMs = 0, toMs = Number.MAX_SAFE_INTEGER): Promise<readonly Segment[]> {
    return this.db.selectFrom('recordings').selectAll().where('endMs', '>=', fromMs).where('startMs', '<', toMs).orderBy('startMs').execute();
  }

  /** Segments a server left `recording` when it died: they are `cut` now. */
  async cutLeftovers(): Promise<readonly Segment[]> {
    const left = await this.db.selectFrom('recordings').selectAll().where('state', '=', 'recording').execute();
    if (left.length > 0) await this.db.updateTable('recordings').set({ state: 'cut' }).where('state', '=', 'recording').execute();
    return left;
  }
}
