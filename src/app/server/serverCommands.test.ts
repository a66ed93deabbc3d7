import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../telemetry/live/operatorCommands';
import { ServerCommands } from './ServerCommands';
import type { SocketEvent } from './ServerSocket';

const entry = (result: AuditEntry['result']): AuditEntry => ({ id: 'twin-ana-1', who: 'ana', atMs: 1000, vehicle: 'acme/AGV-1', what: 'pause', result });

describe('ServerCommands', () => {
  it('keeps a result the socket pushed when the answer to the command, sent earlier, arrives after it', async () => {
    let push: ((e: SocketEvent) => void) | undefined;
    let answer: ((r: Response) => void) | undefined;
    const fetchFn = (url: string) =>
      url.startsWith('/api/commands') ? new Promise<Response>((r) => (answer = r)) : Promise.resolve(Response.json({ entries: [] }));
    const route = new ServerCommands(true, 'ana', { on: (l) => ((push = l), () => undefined) }, fetchFn);
    const sent = route.send('acme/AGV-1', { kind: 'pause' });
    push!({ kind: 'audit', entries: [entry('finished')] });
    answer!(Response.json(entry('sent')));
    await sent;
    expect(route.audit().map((e) => e.result)).toEqual(['finished']);
    push!({ kind: 'audit', entries: [entry('failed')] });
    expect(route.audit().map((e) => e.result)).toEqual(['failed']);
  });
});
