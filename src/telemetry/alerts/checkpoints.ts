/** The kinds of facility an operator may mark out of service and be alerted about: the gate's checkpoints. */
export const CHECKPOINT_KINDS: readonly string[] = ['barrier', 'scanner-bay'];
