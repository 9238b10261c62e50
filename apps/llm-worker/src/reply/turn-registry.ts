/** Why a turn was stopped before it finished; the abort reason of its signal. */
export type TurnStopReason = 'interrupted' | 'call-ended';

/**
 * The turns this worker is generating, by call, each with the controller that stops it. An entry
 * lives exactly as long as its turn: `finish` removes it and a call's last turn removes the call,
 * so the registry holds nothing for calls that are not speaking.
 */
export class TurnRegistry {
  private readonly calls = new Map<string, Map<string, AbortController>>();
  private turns = 0;

  /** Turns in flight across all calls. */
  get size(): number {
    return this.turns;
  }

  /** Registers a turn; undefined when that turn of that call is already in flight (a retried request). */
  begin(callId: string, turnId: string): AbortController | undefined {
    let turns = this.calls.get(callId);
    if (turns?.has(turnId)) return undefined;
    if (!turns) this.calls.set(callId, (turns = new Map()));
    const controller = new AbortController();
    turns.set(turnId, controller);
    this.turns++;
    return controller;
  }

  /** Removes a finished turn; a no-op when it was already removed or replaced. */
  finish(callId: string, turnId: string, controller: AbortController): void {
    if (this.calls.get(callId)?.get(turnId) === controller) this.remove(callId, turnId);
  }

  /** Stops one turn; false when this worker is not generating it. */
  stop(callId: string, turnId: string, reason: TurnStopReason): boolean {
    const controller = this.calls.get(callId)?.get(turnId);
    if (!controller) return false;
    this.remove(callId, turnId);
    controller.abort(reason);
    return true;
  }

  /** Stops every turn of a call and forgets the call; returns how many were stopped. */
  stopCall(callId: string, reason: TurnStopReason): number {
    const turns = this.calls.get(callId);
    if (!turns) return 0;
    const controllers = [...turns.values()];
    for (const turnId of [...turns.keys()]) this.remove(callId, turnId);
    for (const controller of controllers) controller.abort(reason);
    return controllers.length;
  }

  private remove(callId: string, turnId: string): void {
    const turns = this.calls.get(callId);
    if (!turns?.delete(turnId)) return;
    this.turns--;
    if (turns.size === 0) this.calls.delete(callId);
  }
}
