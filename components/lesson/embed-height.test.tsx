import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMBED_HEIGHT_MESSAGE, EmbedHeight } from './embed-height';

// jsdom lays nothing out and has no ResizeObserver: the test plays the browser. It reports
// sizes through `resize()` and runs animation frames when told to (`runFrames()`).
let reportSize: (() => void) | null = null;
let frames: FrameRequestCallback[] = [];
let rootHeight = 0;
const host = { postMessage: vi.fn() };

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        reportSize = callback;
      }
      observe() {
        reportSize?.();
      }
      disconnect() {
        reportSize = null;
      }
    },
  );
  // A frame's id is its place in `frames` plus one; cancelling one empties its place.
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => undefined));
  vi.spyOn(document.documentElement, 'getBoundingClientRect').mockImplementation(() => ({ height: rootHeight }) as DOMRect);
  vi.spyOn(window, 'parent', 'get').mockReturnValue(host as unknown as Window);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  host.postMessage.mockReset();
  frames = [];
});

function runFrames() {
  const due = frames;
  frames = [];
  for (const callback of due) callback(0);
}

function resize(height: number) {
  rootHeight = height;
  reportSize?.();
}

describe('EmbedHeight', () => {
  it('tells the host its height in whole pixels on load, then at each change, once a frame', () => {
    rootHeight = 1200.4;
    render(<EmbedHeight />);
    runFrames();
    expect(host.postMessage.mock.calls).toEqual([[{ type: EMBED_HEIGHT_MESSAGE, height: 1201 }, '*']]);

    resize(1300);
    resize(1350);
    resize(1400); // three sizes within one frame: one message, the last
    runFrames();
    expect(host.postMessage.mock.calls.slice(1)).toEqual([[{ type: EMBED_HEIGHT_MESSAGE, height: 1400 }, '*']]);
  });

  it('stays quiet when a resize leaves its height as it was (the host sizing the frame)', () => {
    rootHeight = 900;
    render(<EmbedHeight />);
    runFrames();
    resize(900);
    runFrames();
    expect(host.postMessage).toHaveBeenCalledTimes(1);
  });

  it('posts nothing when it is not framed', () => {
    vi.spyOn(window, 'parent', 'get').mockReturnValue(window);
    const own = vi.spyOn(window, 'postMessage');
    render(<EmbedHeight />);
    runFrames();
    expect(reportSize).toBeNull(); // nothing observed at all
    expect(own).not.toHaveBeenCalled();
  });

  it('stops observing when unmounted, and drops a message still waiting for its frame', () => {
    rootHeight = 900;
    const { unmount } = render(<EmbedHeight />);
    unmount();
    runFrames();
    expect(reportSize).toBeNull();
    expect(host.postMessage).not.toHaveBeenCalled();
  });
});
