import type { ReactNode } from 'react';

/**
 * Every page's title bar: the brand line above the page's `<h1>`, and the page's tools (buttons,
 * a link back) at the other end.
 */
export function SiteHeader({ brand, title, children }: { brand?: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-title">
        {brand !== undefined && <p className="brand">{brand}</p>}
        <h1>{title}</h1>
      </div>
      {children !== undefined && <div className="toolbar">{children}</div>}
    </header>
  );
}
