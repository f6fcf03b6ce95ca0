import type { ScreenDisplay } from '../../popover/pointer-display';
import type { Point } from '../../popover/popover-position';
import type { ScreenPort } from '../platform';

/** One 1920×1080 display: what the harness and most tests need. */
export const ONE_DISPLAY: readonly ScreenDisplay[] = [
  { id: 1, primary: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
];

/** Displays and a pointer a test sets, as a person moving between monitors would. */
export class StandInScreen implements ScreenPort {
  displayList: readonly ScreenDisplay[] = ONE_DISPLAY;
  at: Point | null = { x: 960, y: 540 };

  pointer(): Point | null {
    return this.at;
  }

  displays(): readonly ScreenDisplay[] {
    return this.displayList;
  }
}
