import { jsonError, jsonOk, refuseLargeBody, refuseLongQuery } from '@/lib/http/responses';
import { advanceStepStream } from '@/lib/server/step-mode';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `POST /api/stream/{id}/advance`: the presenter's Step; the step-mode stream `id` yields its next frame. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseLongQuery(new URL(request.url)) ?? refuseLargeBody(request);
  if (refused) return refused;
  const { id } = await context.params;
  if (!advanceStepStream(id)) {
    return jsonError(404, 'No step-mode stream with this id is running (it may have finished).', 'id');
  }
  return jsonOk({ advanced: true });
}
