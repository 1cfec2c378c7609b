import { Lesson } from '@/components/lesson/lesson';
import { searchString, type SearchParams } from '@/lib/http/search-params';

export default async function LessonPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <Lesson search={searchString(await searchParams)} />;
}
