import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { gateClock } from '../../domain/gateClock';
import type { ProposalView, TrafficStore } from '../../store/traffic/trafficStore';
import type { OperatorCommand } from '../../telemetry/live/operatorCommands';
import { formatNumber } from '../formatNumber';

/** How the console sends a proposal: absent where the source takes no commands (the simulation, a replay). */
export interface ProposalCommands {
  /** False for a user the broker lets only watch: the proposal shows, its send button disabled with the reason. */
  readonly allowed: boolean;
  send(key: string, c: OperatorCommand): void;
}

const serial = (key: string) => key.slice(key.indexOf('/') + 1);

/**
 * The planner's resolution proposals for the predicted conflicts and deadlocks of the latest round: who waits
 * where and until when, the seconds each AGV loses and what the plan saves against the next best; *Show on map*
 * draws its ghost routes. *Send* asks first, in place, then sends each hold as an operator command (into the
 * audit log like every other): the twin withholds the AGV's release beyond the node until the time. A proposal
 * the twin cannot carry out says why on the disabled button: no commands on this source, a user who may only
 * watch, or an AGV whose route another master control releases. Vehicle keys come from the wire: text only.
 */
export function ProposalsPanel({ traffic, commands, simulated }: { traffic: TrafficStore; commands?: ProposalCommands | undefined; simulated: boolean }) {
  const { t } = useTranslation();
  const proposals = useStore(traffic, (s) => s.snapshot?.proposals);
  const shown = useStore(traffic, (s) => s.shownProposal);
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  if (!proposals || proposals.length === 0) return <p className="hint">{t('operations.proposals.none')}</p>;
  return (
    <ul className="proposals" data-testid="proposals">
      {proposals.map((p) => (
        <Proposal
          key={p.id}
          p={p}
          shown={shown === p.id}
          sent={sent.has(p.id)}
          simulated={simulated}
          commands={commands}
          onShow={(on) => traffic.getState().showProposal(on ? p.id : undefined)}
          onSend={(ok) => {
            for (const h of ok.holds) commands?.send(h.agv, { kind: 'hold', nodeId: h.nodeId, untilMs: h.untilS * 1000 });
            setSent((s) => new Set(s).add(p.id));
          }}
        />
      ))}
    </ul>
  );
}

function Proposal({
  p,
  shown,
  sent,
  simulated,
  commands,
  onShow,
  onSend,
}: {
  p: ProposalView;
  shown: boolean;
  sent: boolean;
  simulated: boolean;
  commands: ProposalCommands | undefined;
  onShow(on: boolean): void;
  onSend(p: Extract<ProposalView, { ok: true }>): void;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language, 0);
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  const what =
    p.target.kind === 'conflict'
      ? t('operations.proposals.conflict', { a: serial(p.target.a), b: serial(p.target.b) })
      : t('operations.proposals.deadlock', { agvs: p.target.agvs.map(serial).join(' → ') });
  if (!p.ok) {
    return (
      <li className="proposal failed" data-testid="proposal" data-ok="false">
        <strong>{what}</strong>
        <p className="hint" data-testid="proposal-reason">
          {t(`operations.proposals.reason.${p.reason}`)}
        </p>
      </li>
    );
  }
  const foreign = p.holds.find((h) => !h.committed);
  const refusal = !commands
    ? t('operations.proposals.noCommands')
    : !commands.allowed
      ? t('live.viewOnly')
      : foreign
        ? t('operations.proposals.foreign', { agv: serial(foreign.agv) })
        : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setAsking(false);
    }
  };
  return (
    <li className={`proposal${shown ? ' shown' : ''}`} data-testid="proposal" data-ok="true" data-id={p.id}>
      <strong>{what}</strong>
      <ul className="proposal-holds">
        {p.holds.map((h) => (
          <li key={h.agv} data-testid="proposal-hold">
            {t('operations.proposals.hold', { agv: serial(h.agv), node: h.nodeId, time: gateClock(h.untilS, simulated) })}
          </li>
        ))}
      </ul>
      <p className="proposal-cost" data-testid="proposal-cost">
        {p.agvs
          .filter((a) => a.delayS >= 0.5)
          .map((a) => t('operations.proposals.delay', { agv: serial(a.agv), s: n(a.delayS) }))
          .join(' · ') || t('operations.proposals.noDelay')}
        {' — '}
        {t('operations.proposals.total', { s: n(p.totalDelayS), saves: n(p.savesS) })}
      </p>
      {asking ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-label={t('operations.proposals.confirm', { what })}
          onKeyDown={onKeyDown}
          data-testid="proposal-confirm"
        >
          <span>{t('operations.proposals.confirm', { what })}</span>
          <button
            ref={yes}
            type="button"
            onClick={() => {
              setAsking(false);
              onSend(p);
            }}
            data-testid="proposal-yes"
          >
            {t('live.yes')}
          </button>
          <button type="button" onClick={() => setAsking(false)} data-testid="proposal-no">
            {t('live.no')}
          </button>
        </div>
      ) : (
        <div className="proposal-actions">
          <button type="button" aria-pressed={shown} onClick={() => onShow(!shown)} data-testid="proposal-show">
            {shown ? t('operations.proposals.hide') : t('operations.proposals.show')}
          </button>
          <button type="button" disabled={refusal !== undefined || sent} title={refusal} onClick={() => setAsking(true)} data-testid="proposal-send">
            {sent ? t('operations.proposals.sent') : t('operations.proposals.send')}
          </button>
          {refusal && (
            <span className="hint" data-testid="proposal-refusal">
              {refusal}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
