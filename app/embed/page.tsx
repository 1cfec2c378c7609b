import type { Metadata } from 'next';
import { EmbedHeight } from '@/components/lesson/embed-height';
import { Lesson } from '@/components/lesson/lesson';
import { searchString, type SearchParams } from '@/lib/http/search-params';

export const metadata: Metadata = {
  title: 'Stepstream lesson (embedded)',
};

/**
 * The lesson without the site's chrome, for course pages to frame (the only page that may be
 * framed). It tells the framing page its height, so the host can fit the iframe to it.
 */
export default async function EmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <>
      <Lesson embedded search={searchString(await searchParams)} />
      <EmbedHeight />
    </>
  );
}
