/**
 * The desktop window's size and place, remembered between runs. Policy: a remembered window
 * is restored only where it is still visible (a monitor may have been unplugged), never smaller
 * than the layout's minimum unless the screen itself is smaller, and never larger than the
 * screen it lands on. Pure functions over rectangles, so they are tested without a display.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest window the layouts are designed for. */
export const MIN_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
/** How much of the window's top strip (where it is dragged) must lie on a screen to count as visible. */
const GRAB = { width: 120, height: 16 } as const;
const TITLE_BAR = 32;

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const WINDOW_STATE_KEY = 'windowState';

export interface WindowPlacement {
  /** x and y are left out when the window should be centred by the OS. */
  bounds: { x?: number; y?: number; width: number; height: number };
  minWidth: number;
  minHeight: number;
  maximized: boolean;
  fullScreen: boolean;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Where to open the window: the remembered place if its top strip is on one of the screens'
 * work areas, pulled fully onto that screen; otherwise centred on the primary screen.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[], primary: Rect): WindowPlacement {
  const parsed = WindowState.safeParse(saved);
  const state = parsed.success ? parsed.data : null;
  const titleStrip = state && { x: state.x, y: state.y, width: state.width, height: Math.min(TITLE_BAR, state.height) };
  const screen = titleStrip
    ? workAreas.find((area) => {
        const o = overlap(titleStrip, area);
        return (
          o.width >= Math.min(GRAB.width, titleStrip.width) && o.height >= Math.min(GRAB.height, titleStrip.height)
        );
      })
    : undefined;
  const target = screen ?? primary;
  const minWidth = Math.min(MIN_SIZE.width, target.width);
  const minHeight = Math.min(MIN_SIZE.height, target.height);
  const width = clamp(state?.width ?? DEFAULT_SIZE.width, minWidth, target.width);
  const height = clamp(state?.height ?? DEFAULT_SIZE.height, minHeight, target.height);
  const flags = { maximized: state?.maximized ?? false, fullScreen: state?.fullScreen ?? false };
  if (!state || !screen) return { bounds: { width, height }, minWidth, minHeight, ...flags };
  const x = clamp(state.x, screen.x, screen.x + screen.width - width);
  const y = clamp(state.y, screen.y, screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, minWidth, minHeight, ...flags };
}

/** What to remember: the normal (not maximized) bounds, so un-maximizing restores the old size. */
export function captureWindowState(normalBounds: Rect, maximized: boolean, fullScreen: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
    fullScreen,
  };
}
