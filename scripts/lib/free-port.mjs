// @ts-check
// A free TCP port on loopback, for the servers the tests, the cluster and the bench start.
import net from 'node:net';

/** Ports this process already handed out: never twice, even if the first taker has not bound it yet. */
const handedOut = new Set();

/**
 * A port the kernel just handed out on 127.0.0.1: free, unless something takes it in between.
 * @returns {Promise<number>}
 */
export async function freePort() {
  for (;;) {
    /** @type {number} */
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
