import { jsonOk } from '@/lib/http/responses';
import { registryHealth } from '@/lib/server/registry';
import packageJson from '@/package.json';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/health`: whether the server takes streams, how many are open, uptime and version. */
export function GET(): Response {
  return jsonOk({ ...registryHealth(), version: packageJson.version });
}
