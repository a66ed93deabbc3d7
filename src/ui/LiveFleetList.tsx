import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gateTime } from './gateTime';
import type { LiveSnapshot } from '../telemetry/live/LiveEngine';
import type { OperatorCommand } from '../telemetry/live/operatorCommands';

/**
 * The vehicles of the live feed with the operator's commands, each behind a confirmation, and the audit log
 * (exportable as JSON). Pause, resume and cancel are one click; "send to" first picks one of `nodeIds` (the scene's
 * lane nodes). A vehicle's name opens its panel. Disabled, with the reason, when the broker does not let this user publish. Everything from the wire
 * is rendered as text.
 */
export function LiveFleetList({
  snapshot,
  nodeIds,
  onCommand,
  selected,
  onSelect,
}: {
  snapshot: LiveSnapshot;
  nodeIds: readonly string[];
  onCommand: (key: string, c: OperatorCommand) => void;
  selected: string | undefined;
  onSelect: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<{ key: string; command: OperatorCommand }>();
  /** The node picked in each vehicle's "send to" list, by vehicle key, until sent or backed out of. */
  const [target, setTarget] = useState<Readonly<Record<string, string>>>({});
  const ask = (key: string, command: OperatorCommand) => setPending({ key, command });
  // The same option elements every snapshot (twice a second, up to 50 rows): React skips them when unchanged.
  const nodeOptions = useMemo(
    () =>
      nodeIds.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      )),
    [nodeIds],
  );
  const exportAudit = () => {
    const blob = new Blob([JSON.stringify(snapshot.audit, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'twin-audit.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const question = (p: { key: string; command: OperatorCommand }) =>
    p.command.kind === 'goto'
      ? t('live.gotoConfirm', { vehicle: p.key, node: p.command.nodeId })
      : t('live.confirm', { what: t(`live.cmd.${p.command.kind}`), vehicle: p.key });
  return (
    <div className="live-fleet" data-testid="live-fleet">
      {!snapshot.canCommand && <p className="hint">{t('live.viewOnly')}</p>}
      <table>
        <tbody>
          {snapshot.vehicles.slice(0, 50).map((v) => (
            <tr key={v.key} className={v.stale ? 'stale' : ''} data-testid={`vehicle-${v.serialNumber}`}>
              <td>
                <button type="button" className="link" aria-pressed={selected === v.key} onClick={() => onSelect(v.key)} data-testid={`select-${v.serialNumber}`}>
                  {v.serialNumber}
                </button>
              </td>
              <td>{v.stale ? t('live.silent') : v.paused ? t('live.paused') : v.driving ? t('live.driving') : t('live.standing')}</td>
              <td>{v.batteryPercent === undefined ? '—' : `${Math.round(v.batteryPercent)} %`}</td>
              <td>
                {(['pause', 'resume', 'cancel'] as const).map((kind) => (
                  <button key={kind} type="button" disabled={!snapshot.canCommand} onClick={() => ask(v.key, { kind })} data-testid={`cmd-${kind}-${v.serialNumber}`}>
                    {t(`live.cmd.${kind}`)}
                  </button>
                ))}
              </td>
              <td className="goto">
                <select
                  value={target[v.key] ?? ''}
                  disabled={!snapshot.canCommand || nodeIds.length === 0}
                  onChange={(e) => setTarget({ ...target, [v.key]: e.target.value })}
                  aria-label={t('live.gotoLabel', { vehicle: v.serialNumber })}
                  data-testid={`goto-node-${v.serialNumber}`}
                >
                  <option value="" disabled>
                    {t('live.gotoPick')}
                  </option>
                  {nodeOptions}
                </select>
                <button
                  type="button"
                  disabled={!snapshot.canCommand || !target[v.key]}
                  title={target[v.key] ? t('live.cmd.goto') : t('live.gotoNoNode')}
                  onClick={() => ask(v.key, { kind: 'goto', nodeId: target[v.key]! })}
                  data-testid={`cmd-goto-${v.serialNumber}`}
                >
                  {t('live.gotoSend')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending && (
        <div className="confirm" role="dialog" data-testid="command-confirm">
          <span>{question(pending)}</span>
          <button
            type="button"
            onClick={() => {
              onCommand(pending.key, pending.command);
              setPending(undefined);
              // A sent order clears the pick, so the next one is chosen afresh rather than resent by accident.
              if (pending.command.kind === 'goto') {
                const { [pending.key]: _sent, ...rest } = target;
                setTarget(rest);
              }
            }}
            data-testid="command-yes"
          >
            {t('live.yes')}
          </button>
          <button type="button" onClick={() => setPending(undefined)}>
            {t('live.no')}
          </button>
        </div>
      )}
      {snapshot.audit.length > 0 && (
        <div className="audit" data-testid="audit-log">
          <span className="label">{t('live.audit')}</span>
          <button type="button" onClick={exportAudit}>
            {t('live.export')}
          </button>
          <ul>
            {snapshot.audit.slice(-5).map((e) => (
              <li key={e.id}>
                {gateTime(e.atMs / 1000, i18n.language)} · {e.who} · {e.vehicle} · {e.what} · {e.result}
                {e.detail ? ` (${e.detail})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
