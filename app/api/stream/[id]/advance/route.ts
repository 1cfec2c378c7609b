import { advanceStepStream } from '@/lib/stream/step-mode';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `POST /api/stream/{id}/advance`: the presenter's Step; the step-mode stream `id` yields its next frame. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!advanceStepStream(id)) {
    return Response.json({ error: 'No step-mode stream with this id is running (it may have finished).', field: 'id' }, { status: 404 });
  }
  return Response.json({ advanced: true });
}
