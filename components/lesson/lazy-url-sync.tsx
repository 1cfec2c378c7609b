'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';

/** The address bar's keeper loads after the page: the server has rendered the linked state already. */
export const LazyUrlSync = loadAfterHydration(() => import('./url-sync').then((module) => module.UrlSync));
