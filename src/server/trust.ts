/** Who counts as the trainer: a connection from this machine (unless told not to trust those), or one holding the trainer key. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export interface Trust {
  trainerKey: string;
  trustLoopback: boolean;
}

export function isTrainer(t: Trust, address: string | undefined, key: unknown): boolean {
  return (t.trustLoopback && LOOPBACK.test(address ?? '')) || (typeof key === 'string' && key === t.trainerKey);
}
