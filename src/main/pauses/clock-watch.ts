/**
 * Notices when wall time and monotonic time disagree, and when the timezone
 * changes, between two looks. Monotonic time stops while Linux and macOS
 * sleep and never follows a clock being set, so:
 * - wall time ahead of monotonic: the machine slept, or the clock was set forward;
 * - wall time behind: the clock was set back.
 * Neither Node nor Electron reports a clock or timezone change; this is how
 * the driver finds out, at every event and every wake-up.
 */

/** NTP slews and timer jitter stay well inside this; a real jump or sleep is far larger. */
export const JUMP_TOLERANCE_MS = 90_000;

export interface ClockLook {
  /** Wall time minus where the wall clock should be by monotonic time; 0 within tolerance. */
  readonly jumpMs: number;
  readonly zoneChanged: boolean;
}

export class ClockWatch {
  private lastWall: number | null = null;
  private lastMono = 0;

  constructor(private lastZone: string) {}

  look(wall: number, mono: number, zone: string): ClockLook {
    let jumpMs = 0;
    if (this.lastWall !== null) {
      const elapsed = mono - this.lastMono;
      const jump = wall - (this.lastWall + elapsed);
      // Over a day-long wait even a good clock drifts a little: allow 1 ms per second waited.
      if (Math.abs(jump) > Math.max(JUMP_TOLERANCE_MS, elapsed / 1000)) jumpMs = jump;
    }
    this.lastWall = wall;
    this.lastMono = mono;
    const zoneChanged = zone !== this.lastZone;
    this.lastZone = zone;
    return { jumpMs, zoneChanged };
  }
}
