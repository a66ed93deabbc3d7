/**
 * Which console the twin opens as: `?mode=briefing|engineering|operations`. Each is made for one kind of user
 * (README, "The three consoles"); operations, the control room's live view, is the default.
 */
import { coded, type Problem } from '../domain/problem';
import { CONSOLE_MODES, type ConsoleMode } from '../store/twinStore';

export const DEFAULT_MODE: ConsoleMode = 'operations';

export function readConsoleMode(search: string): { mode: ConsoleMode; problems: Problem[] } {
  const raw = new URLSearchParams(search).get('mode');
  if (raw === null) return { mode: DEFAULT_MODE, problems: [] };
  const mode = CONSOLE_MODES.find((m) => m === raw);
  if (mode) return { mode, problems: [] };
  const message = `unknown console "${raw}" (known: ${CONSOLE_MODES.join(', ')}); opening ${DEFAULT_MODE}`;
  return { mode: DEFAULT_MODE, problems: [coded('mode', message, { code: 'url-one-of', params: { value: raw, known: CONSOLE_MODES } })] };
}
