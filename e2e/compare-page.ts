import { expect, type Locator, type Page } from '@playwright/test';

/** The four lanes, by the names their regions carry on the page. */
export const LANE_NAMES = ['Short polling every 1 s', 'Short polling every 250 ms', 'Long polling', 'Server-Sent Events'] as const;
export type LaneName = (typeof LANE_NAMES)[number];

/** Which lane a request belongs to, from its address; null for anything else (the page, the clock readings). */
export function laneOfRequest(url: string): LaneName | null {
  const { pathname, searchParams } = new URL(url);
  if (pathname === '/api/compare/poll') {
    if (searchParams.get('every') === '1000') return 'Short polling every 1 s';
    if (searchParams.get('every') === '250') return 'Short polling every 250 ms';
  }
  if (pathname === '/api/compare/long-poll') return 'Long polling';
  if (pathname === '/api/compare/sse') return 'Server-Sent Events';
  return null;
}

/** `/compare`, located the way a person finds things: by role and name. */
export class ComparePage {
  readonly start: Locator;
  readonly stop: Locator;
  readonly reset: Locator;
  readonly messages: Locator;
  readonly sleep: Locator;
  /** The section that reads out the figures once every lane is done. */
  readonly reading: Locator;

  constructor(readonly page: Page) {
    this.start = page.getByRole('button', { name: 'Start', exact: true });
    this.stop = page.getByRole('button', { name: 'Stop', exact: true });
    this.reset = page.getByRole('button', { name: 'Reset', exact: true });
    this.messages = page.getByLabel('Messages n');
    this.sleep = page.getByLabel('Sleep d (seconds)');
    this.reading = page.getByRole('region', { name: 'What the numbers say' });
  }

  async goto() {
    await this.page.goto('/compare');
    // Start works once the page is hydrated, and says so.
    await expect(this.start).toBeEnabled();
  }

  lane(name: LaneName): Locator {
    return this.page.getByRole('region', { name });
  }

  /** A figure from a lane's table: the cell in the row headed `row`. */
  figure(name: LaneName, row: 'Requests' | 'Bytes on the wire' | 'of them headers' | 'Latency, mean' | 'Latency, worst'): Locator {
    return this.lane(name)
      .getByRole('row', { name: new RegExp(`^${row}`) })
      .getByRole('cell');
  }

  /** The messages a lane has shown, in the order they appear. */
  shownMessages(name: LaneName): Locator {
    return this.lane(name).getByRole('list', { name: 'Messages shown' }).getByRole('listitem');
  }
}
