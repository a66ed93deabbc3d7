import type { RecordingBytes } from './byteSource';
import { IndexedRecordingReader, type IndexedOpenOptions } from './IndexedRecordingReader';
import type { RecordingInfo, RecordingReader } from './RecordingReader';
import { StreamRecordingReader } from './StreamRecordingReader';

export interface OpenedRecording {
  readonly reader: RecordingReader;
  /** The reader's `initialize()`, already done: topics, time range, count and, for a damaged file, `damage`. */
  readonly info: RecordingInfo;
  readonly kind: 'indexed' | 'stream';
  /** Why this reader: for the status line and the problems list. */
  readonly why: string;
}

/**
 * Opens a recording from memory or a `File`/`Blob`: through its index when the summary is valid and the data
 * checks out, otherwise by reading forward up to the damage. Never throws for a bad file — a zero-length,
 * foreign, truncated or corrupt file gives a reader with what could be saved and `info.damage` saying where and
 * why it stopped.
 *
 * @example
 *   const { reader, info, kind, why } = await openRecording(fileFromInput);
 *   if (info.damage) showProblem(`${why}; ${info.damage.reason}`);
 */
export async function openRecording(source: RecordingBytes, options: IndexedOpenOptions = {}): Promise<OpenedRecording> {
  let why: string;
  try {
    const indexed = await IndexedRecordingReader.open(source, options);
    const info = await indexed.initialize();
    return { reader: indexed, info, kind: 'indexed', why: `summary and index valid; ${indexed.verification}` };
  } catch (error) {
    why = `index not used (${error instanceof Error ? error.message : String(error)}): read forward from the start`;
  }
  const stream = new StreamRecordingReader(source);
  return { reader: stream, info: await stream.initialize(), kind: 'stream', why };
}
