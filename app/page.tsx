import { Lesson } from '@/components/lesson';

export default function LessonPage() {
  return <Lesson />;
}
