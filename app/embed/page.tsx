import type { Metadata } from 'next';
import { Lesson } from '@/components/lesson';

export const metadata: Metadata = {
  title: 'Stepstream lesson (embedded)',
};

/** The lesson without the site's chrome, for course pages to frame (the only page that may be framed). */
export default function EmbedPage() {
  return <Lesson embedded />;
}
