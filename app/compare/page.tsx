import type { Metadata } from 'next';
import { ComparePage } from '@/components/compare/compare-page';

export const metadata: Metadata = {
  title: 'Stepstream · SSE against polling, side by side',
  description: 'The same messages delivered by short polling, long polling and Server-Sent Events, measured in your browser.',
};

export default function Compare() {
  return <ComparePage />;
}
