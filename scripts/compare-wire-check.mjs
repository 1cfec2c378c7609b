// Checks /compare's byte counts against the wire: puts a byte-counting HTTP/1.1 proxy between
// Chromium and a running Stepstream, runs the default schedule on /compare through it, and prints,
// for each lane, what the page counted beside what crossed the proxy (request heads, response
// heads, bodies and chunk framing, attributed request by request), and the latencies it measured.
// Usage: node scripts/compare-wire-check.mjs [targetBaseUrl]   (default http://127.0.0.1:3000)
import { createServer, connect } from 'node:net';
import { chromium } from '@playwright/test';

const target = new URL(process.argv[2] ?? 'http://127.0.0.1:3000');
const LANES = [
  ['Short polling every 1 s', (url) => url.startsWith('/api/compare/poll?') && url.includes('every=1000')],
  ['Short polling every 250 ms', (url) => url.startsWith('/api/compare/poll?') && url.includes('every=250')],
  ['Long polling', (url) => url.startsWith('/api/compare/long-poll?')],
  ['Server-Sent Events', (url) => url.startsWith('/api/compare/sse?')],
];

/** Every request that crossed the proxy: its target and the bytes of each part. */
const exchanges = [];

/** Reads HTTP/1.1 messages off one direction of a connection, as bytes arrive. */
function messageReader(onHead, onBody) {
  let buffer = Buffer.alloc(0);
  let state = { phase: 'head' };
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (state.phase === 'head') {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end + 4).toString('latin1');
        buffer = buffer.subarray(end + 4);
        state = onHead(head);
      } else if (state.phase === 'length') {
        const take = Math.min(state.left, buffer.length);
        onBody(take, 0);
        buffer = buffer.subarray(take);
        state.left -= take;
        if (state.left > 0) return;
        state = { phase: 'head' };
      } else if (state.phase === 'chunked') {
        const line = buffer.indexOf('\r\n');
        if (line < 0) return;
        const size = Number.parseInt(buffer.subarray(0, line).toString('latin1'), 16);
        if (buffer.length < line + 2 + size + 2) return;
        onBody(size, line + 2 + 2);
        buffer = buffer.subarray(line + 2 + size + 2);
        if (size === 0) state = { phase: 'head' };
      } else return;
    }
  };
}

const proxy = createServer((client) => {
  const upstream = connect(Number(target.port), target.hostname);
  const waiting = [];
  client.on('data', (chunk) => upstream.write(chunk));
  upstream.on('data', (chunk) => client.write(chunk));
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());

  client.on(
    'data',
    messageReader(
      (head) => {
        const exchange = { target: head.split(' ')[1], requestHead: head.length, responseHead: 0, body: 0, framing: 0 };
        exchanges.push(exchange);
        waiting.push(exchange);
        return { phase: 'head' };
      },
      () => {},
    ),
  );
  let current = null;
  upstream.on(
    'data',
    messageReader(
      (head) => {
        current = waiting.shift();
        current.responseHead = head.length;
        const length = /\r\ncontent-length: *(\d+)/i.exec(head);
        if (length) return { phase: 'length', left: Number(length[1]) };
        if (/\r\ntransfer-encoding: *chunked/i.test(head)) return { phase: 'chunked' };
        return { phase: 'head' };
      },
      (body, framing) => {
        current.body += body;
        current.framing += framing;
      },
    ),
  );
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const via = `http://127.0.0.1:${proxy.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(`${via}/compare`);
await page.getByRole('button', { name: 'Start', exact: true }).click();
await page.getByRole('region', { name: 'What the numbers say' }).locator('.compare-reading').waitFor({ timeout: 30_000 });

const rows = [];
for (const [label, isLane] of LANES) {
  const lane = page.getByRole('region', { name: label });
  // The cell's first number: "13,912 B (98%)" is 13912.
  const figure = async (name) =>
    /[\d,]+/.exec(await lane.getByRole('row', { name }).getByRole('cell').textContent())[0].replaceAll(',', '');
  const wire = exchanges.filter((exchange) => isLane(exchange.target));
  const sum = (part) => wire.reduce((total, exchange) => total + exchange[part], 0);
  const heads = sum('requestHead') + sum('responseHead');
  rows.push({
    lane: label,
    'requests (page / wire)': `${await figure(/^Requests/)} / ${wire.length}`,
    'bytes (page / wire without framing)': `${await figure(/^Bytes on the wire/)} / ${heads + sum('body')}`,
    'headers (page / wire)': `${await figure(/^of them headers/)} / ${heads}`,
    'chunk framing (not counted)': sum('framing'),
    'latency mean / worst (page)': `${await lane
      .getByRole('row', { name: /^Latency, mean/ })
      .getByRole('cell')
      .textContent()} / ${await lane
      .getByRole('row', { name: /^Latency, worst/ })
      .getByRole('cell')
      .textContent()}`,
  });
}
console.table(rows);
await browser.close();
proxy.close();
