import { describe, expect, it } from 'vitest';
import {
  captureWindowState,
  DEFAULT_SIZE,
  MIN_SIZE,
  restoreWindowState,
  type Rect,
} from '../../electron/host/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoring the window', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({
      bounds: DEFAULT_SIZE,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      maximized: false,
      fullScreen: false,
    });
  });

  it('ignores a damaged saved state', () => {
    expect(restoreWindowState({ x: 'a', width: -3 }, [laptop], laptop).bounds).toEqual(DEFAULT_SIZE);
  });

  it('puts the window back where it was, maximized if it was', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, [laptop, rightMonitor], laptop)).toMatchObject({
      bounds: { x: 2100, y: 80, width: 1600, height: 1000 },
      maximized: true,
    });
  });

  it('centres it on the primary screen when its monitor is gone', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000 };
    const placed = restoreWindowState(saved, [laptop], laptop);
    expect(placed.bounds).toEqual({ width: 1600, height: 1000 });
  });

  it('keeps a window whose title bar is still reachable, pulled fully onto that screen', () => {
    const placed = restoreWindowState({ x: 1500, y: -10, width: 1280, height: 820 }, [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 1920 - 1280, y: 0, width: 1280, height: 820 });
  });

  it('drops a window whose title bar is off every screen', () => {
    expect(restoreWindowState({ x: 100, y: 1040, width: 1280, height: 820 }, [laptop], laptop).bounds).toEqual({
      width: 1280,
      height: 820,
    });
    expect(restoreWindowState({ x: 1880, y: 100, width: 1280, height: 820 }, [laptop], laptop).bounds).toEqual({
      width: 1280,
      height: 820,
    });
  });

  it('never restores smaller than the layout minimum, nor larger than the screen', () => {
    expect(restoreWindowState({ x: 10, y: 10, width: 400, height: 300 }, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 10,
      width: 1024,
      height: 700,
    });
    expect(restoreWindowState({ x: 0, y: 0, width: 5000, height: 3000 }, [laptop], laptop).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
    });
  });

  it('lowers the minimum on a screen smaller than it, so the window still fits', () => {
    const small: Rect = { x: 0, y: 0, width: 1000, height: 650 };
    expect(restoreWindowState(null, [small], small)).toMatchObject({
      bounds: { width: 1000, height: 650 },
      minWidth: 1000,
      minHeight: 650,
    });
  });

  it('remembers the normal bounds, rounded, with the maximized and full-screen flags', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1300.2, height: 800 }, true, false)).toEqual({
      x: 10,
      y: 21,
      width: 1300,
      height: 800,
      maximized: true,
      fullScreen: false,
    });
  });
});
