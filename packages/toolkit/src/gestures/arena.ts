/**
 * The gesture arena: how recognisers on the nodes under a finger decide which one gets it.
 *
 * Every contact (a pointer from its down to its up or cancel) opens one arena. Each
 * recogniser whose node lies on the hit path of the down joins it, in bubble order: the
 * deepest node's recognisers first, its ancestors' after, and on one node in a fixed order
 * (double tap, tap, long press, pan, pinch). From then on the members watch the pointer and
 * each, when it knows, says so:
 *
 *   down ──► arena { tap(child), longPress(child), pan(parent) }
 *              │
 *   move 3 px  │  nobody is sure yet
 *   move 12 px ├─ tap: moved past slop ─────► reject   (told: rejectGesture)
 *              ├─ longPress: moved ─────────► reject
 *              └─ pan: past slop ───────────► accept ─► WINS (told: acceptGesture)
 *                                                        captures the pointer, so ordinary
 *                                                        handlers below get pointercancel
 *
 * The rules, in the order they apply:
 *   1. The first member to accept wins; every other member is rejected at once.
 *   2. A member that rejects leaves; it never wins this contact again.
 *   3. When the pointer goes up, the members that cannot win any more reject themselves while
 *      the up is dispatched (a long press before its delay, a pan that never passed slop).
 *      Once the up has reached every node (a microtask later), the arena is swept: the first
 *      member still standing wins (the deepest tap), the others are rejected.
 *   4. A member may hold the arena across its up: a double-tap recogniser does so after the
 *      first tap, so a tap competing with it waits for the double-tap timeout. Releasing the
 *      hold sweeps the arena then; accepting (the second tap came) resolves it at once.
 *
 * A contact's arena lives until it is resolved and its pointer is up. A recogniser that
 * follows several contacts (double tap, pinch) is a member of each of their arenas.
 */

/** What an arena asks of a recogniser. */
export interface ArenaMember {
  /** This member won the contact. */
  acceptGesture(arena: GestureArena): void;
  /** This member lost the contact (another won, or it rejected itself). */
  rejectGesture(arena: GestureArena): void;
}

/** One contact's competition. */
export class GestureArena {
  /** Members still standing, in the order they joined. */
  private members: ArenaMember[] = [];
  private held = false;
  private up = false;
  private sweepQueued = false;
  winner: ArenaMember | null = null;

  /** @param pointerId the pointer of the contact; `downTime` its down's timestamp (ms). */
  constructor(readonly pointerId: number, readonly downTime: number, private readonly manager: ArenaManager) {}

  get resolved(): boolean {
    return this.winner !== null || (this.up && this.members.length === 0);
  }

  /** Whether the contact's pointer went up or was cancelled. */
  get pointerUp(): boolean {
    return this.up;
  }

  add(member: ArenaMember): void {
    if (this.winner || this.members.includes(member)) return;
    this.members.push(member);
  }

  /** The member wants the contact: it wins unless another already has. */
  accept(member: ArenaMember): void {
    if (this.winner || !this.members.includes(member)) return;
    this.resolve(member);
  }

  /** The member gives up on the contact. */
  reject(member: ArenaMember): void {
    const i = this.members.indexOf(member);
    if (i < 0 || this.winner === member) return;
    this.members.splice(i, 1);
    member.rejectGesture(this);
    if (this.up && !this.held && !this.winner) this.queueSweep();
    this.forgetWhenDone();
  }

  /** Defers the sweep at pointer up until `release` (double tap waiting for a second tap). */
  hold(): void {
    if (!this.winner) this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.up) this.sweep();
  }

  /** The contact's pointer went up (or was cancelled): sweep once the event has reached every node. */
  pointerEnded(): void {
    if (this.up) return;
    this.up = true;
    this.queueSweep();
    this.forgetWhenDone();
  }

  /** Ends the contact with nobody winning: every member is rejected (a cancelled pointer). */
  cancelAll(): void {
    this.up = true;
    this.held = false;
    for (const m of this.members.splice(0)) if (m !== this.winner) m.rejectGesture(this);
    this.forgetWhenDone();
  }

  private queueSweep(): void {
    if (this.sweepQueued) return;
    this.sweepQueued = true;
    queueMicrotask(() => {
      this.sweepQueued = false;
      this.sweep();
    });
  }

  private sweep(): void {
    if (this.winner || this.held || !this.up) return;
    const first = this.members[0];
    if (first) this.resolve(first);
    this.forgetWhenDone();
  }

  private resolve(winner: ArenaMember): void {
    this.winner = winner;
    this.held = false;
    const losers = this.members.filter((m) => m !== winner);
    this.members = [winner];
    for (const m of losers) m.rejectGesture(this);
    winner.acceptGesture(this);
    this.forgetWhenDone();
  }

  private forgetWhenDone(): void {
    if (this.up && (this.winner || this.members.length === 0)) this.manager.forget(this);
  }
}

/** The open arenas of one app, one per contact. */
export class ArenaManager {
  private arenas = new Map<number, GestureArena>();

  /**
   * The arena of the contact a pointerdown belongs to: every node on the hit path receives
   * the same down (same pointer, same timestamp), so they all join one arena.
   */
  arenaFor(pointerId: number, downTime: number): GestureArena {
    const open = this.arenas.get(pointerId);
    if (open && open.downTime === downTime && !open.pointerUp) return open;
    const arena = new GestureArena(pointerId, downTime, this);
    this.arenas.set(pointerId, arena);
    return arena;
  }

  /** The current contact of a pointer, if any. */
  current(pointerId: number): GestureArena | undefined {
    return this.arenas.get(pointerId);
  }

  forget(arena: GestureArena): void {
    if (this.arenas.get(arena.pointerId) === arena) this.arenas.delete(arena.pointerId);
  }
}
