/**
 * A page with nothing but the app's Markdown component, bundled by tests/e2e/markdown.spec.ts so
 * hostile input can be rendered in Chromium without any app screen around it (and without a
 * Content-Security-Policy, so anything that slipped through would actually run).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Markdown } from '../../../renderer/src/components/Markdown.js';

declare global {
  interface Window {
    renderForTest(source: string, allowRemoteImages: boolean): number;
    relativeLinks: string[];
  }
}

const root = createRoot(document.getElementById('root')!);
window.relativeLinks = [];
window.renderForTest = (source, allowRemoteImages) => {
  const start = performance.now();
  flushSync(() =>
    root.render(
      <Markdown
        key={Math.random()}
        source={source}
        allowRemoteImages={allowRemoteImages}
        label="Rendered"
        onRelativeLink={(t) => window.relativeLinks.push(t)}
      />,
    ),
  );
  return performance.now() - start;
};
