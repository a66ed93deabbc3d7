import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorCommand } from '../../telemetry/live/operatorCommands';

/** What the fleet list needs to command vehicles (a live feed): whether this user may, where to, and how. */
export interface FleetCommands {
  /** False for a user the broker lets only watch: the commands show, disabled, with the reason. */
  readonly allowed: boolean;
  /** The scene's lane nodes a vehicle may be sent to, sorted. */
  readonly nodeIds: readonly string[];
  send(key: string, c: OperatorCommand): void;
}

/**
 * The selected vehicle's commands, shown under its row in the fleet list: pause, resume, cancel its order, or
 * send it to a lane node. Each asks first, in place of the buttons, naming the vehicle, with the keyboard on the
 * confirm button (Enter confirms, Escape backs out), so the question is where the operator is looking.
 */
export function VehicleCommands({ vehicleKey, serial, commands }: { vehicleKey: string; serial: string; commands: FleetCommands }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<OperatorCommand>();
  const [node, setNode] = useState('');
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) yes.current?.focus();
  }, [pending]);
  useEffect(() => {
    setPending(undefined);
    setNode('');
  }, [vehicleKey]);
  // The same option elements on every re-render (twice a second): React skips them when unchanged.
  const nodeOptions = useMemo(
    () =>
      commands.nodeIds.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      )),
    [commands.nodeIds],
  );
  const disabled = !commands.allowed;

  if (pending) {
    const question =
      pending.kind === 'goto'
        ? t('live.gotoConfirm', { vehicle: vehicleKey, node: pending.nodeId })
        : t('live.confirm', { what: t(`live.cmd.${pending.kind}`), vehicle: vehicleKey });
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setPending(undefined);
      }
    };
    return (
      <div className="confirm" role="alertdialog" aria-label={question} onKeyDown={onKeyDown} data-testid="command-confirm">
        <span>{question}</span>
        <button
          ref={yes}
          type="button"
          onClick={() => {
            commands.send(vehicleKey, pending);
            setPending(undefined);
            // A sent order clears the pick, so the next one is chosen afresh rather than resent by accident.
            if (pending.kind === 'goto') setNode('');
          }}
          data-testid="command-yes"
        >
          {t('live.yes')}
        </button>
        <button type="button" onClick={() => setPending(undefined)} data-testid="command-no">
          {t('live.no')}
        </button>
      </div>
    );
  }
  return (
    <div className="vehicle-commands" data-testid="vehicle-commands">
      {disabled && <p className="hint">{t('live.viewOnly')}</p>}
      {(['pause', 'resume', 'cancel'] as const).map((kind) => (
        <button key={kind} type="button" disabled={disabled} onClick={() => setPending({ kind })} data-testid={`cmd-${kind}-${serial}`}>
          {t(`live.cmd.${kind}`)}
        </button>
      ))}
      <span className="goto">
        <select
          value={node}
          disabled={disabled || commands.nodeIds.length === 0}
          onChange={(e) => setNode(e.target.value)}
          aria-label={t('live.gotoLabel', { vehicle: serial })}
          data-testid={`goto-node-${serial}`}
        >
          <option value="" disabled>
            {t('live.gotoPick')}
          </option>
          {nodeOptions}
        </select>
        <button
          type="button"
          disabled={disabled || node === ''}
          title={node ? t('live.cmd.goto') : t('live.gotoNoNode')}
          onClick={() => setPending({ kind: 'goto', nodeId: node })}
          data-testid={`cmd-goto-${serial}`}
        >
          {t('live.gotoSend')}
        </button>
      </span>
    </div>
  );
}
