import { lazy, Suspense } from 'react';
import { hasToken } from '../api.js';
import { href, useRoute } from './router.js';
import { DecisionList } from '../decisions/DecisionList.js';
import { Recovery, StoreCheckFailed, useStoreHealth } from '../store/Recovery.js';
import { Home, Welcome } from './Welcome.js';
import { IMPORT_REQUEST } from '../import/ImportDialog.js';
import { Announcer } from '../components/Announcer.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { ThemeSwitch } from '../settings/ThemeSwitch.js';
import { request, requestFocus, setDefaultAction, useShortcuts } from './actions.js';
import { setTheme } from '../settings/theme.js';
import { navigate } from './router.js';

// Every other screen loads when first shown: the list, which most sessions open on, starts
// without parsing the editor, the wizard, the Library or their Markdown and schema code.
const DecisionRead = lazy(() => import('../decisions/DecisionRead.js').then((m) => ({ default: m.DecisionRead })));
const DecisionEditor = lazy(() =>
  import('../decisions/DecisionEditor.js').then((m) => ({ default: m.DecisionEditor })),
);
const GuidedDecision = lazy(() =>
  import('../evaluation/GuidedDecision.js').then((m) => ({ default: m.GuidedDecision })),
);
const Library = lazy(() => import('../knowledge/Library.js').then((m) => ({ default: m.Library })));
const Compare = lazy(() => import('../compare/Compare.js').then((m) => ({ default: m.Compare })));
const History = lazy(() => import('../revisions/History.js').then((m) => ({ default: m.History })));
const RelationGraph = lazy(() => import('../relations/RelationGraph.js').then((m) => ({ default: m.RelationGraph })));
const Timeline = lazy(() => import('../insights/Timeline.js').then((m) => ({ default: m.Timeline })));
const Help = lazy(() => import('./Help.js').then((m) => ({ default: m.Help })));

interface NavItem {
  route: string;
  label: string;
}

/** Screens other issues add register here: a route segment and a label. */
const NAV: NavItem[] = [
  { route: 'decisions', label: 'Decisions' },
  { route: 'library', label: 'Library' },
  { route: 'compare', label: 'Compare' },
  { route: 'timeline', label: 'Timeline' },
  { route: 'graph', label: 'Relations' },
  { route: 'help', label: 'Help' },
];

// What each action does when the screen on show does not handle it itself.
setDefaultAction('newDecision', () => {
  navigate('decisions');
  requestFocus('new-decision');
});
setDefaultAction('search', () => {
  navigate('decisions');
  requestFocus('search-decisions');
});
setDefaultAction('importRepository', () => {
  navigate('decisions');
  request(IMPORT_REQUEST);
});
setDefaultAction('goDecisions', () => navigate('decisions'));
setDefaultAction('goLibrary', () => navigate('library'));
setDefaultAction('showHelp', () => navigate('help'));
setDefaultAction('themeSystem', () => void setTheme('system'));
setDefaultAction('themeLight', () => void setTheme('light'));
setDefaultAction('themeDark', () => void setTheme('dark'));

export function App() {
  const route = useRoute();
  useShortcuts();
  const [section = 'decisions', id] = route;
  const storeHealth = useStoreHealth(hasToken);
  if (!hasToken) {
    return (
      <main className="standalone">
        <h1>Cairn</h1>
        <p role="alert">
          This page needs the address that <code>cairn serve</code> printed (it carries a one-time token). Open that
          address again.
        </p>
      </main>
    );
  }
  if (storeHealth.data && !storeHealth.data.healthy) return <Recovery status={storeHealth.data} />;
  let view: React.ReactNode;
  // Opening a decision reads it (rendered as its ADR); `…/edit` is the editor.
  if (section === 'decisions' && id)
    view = route[2] === 'edit' ? <DecisionEditor key={id} id={id} /> : <DecisionRead key={id} id={id} />;
  else if (section === 'library') view = <Library route={route} />;
  else if (section === 'compare') view = <Compare ids={route.slice(1)} />;
  else if (section === 'history' && id) view = <History key={id} id={id} />;
  else if (section === 'timeline') view = <Timeline />;
  else if (section === 'graph') view = <RelationGraph focus={id} />;
  else if (section === 'help') view = <Help />;
  else if (section === 'welcome') view = <Welcome />;
  else if (route.length === 0) view = <Home />;
  else view = <DecisionList />;
  if (section === 'decisions' && id && route[2] === 'wizard') view = <GuidedDecision key={id} id={id} />;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">▲</span> Cairn
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.route}>
              <a href={href(item.route)} aria-current={section === item.route ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <ThemeSwitch />
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {storeHealth.error && <StoreCheckFailed error={storeHealth.error} onRetry={() => void storeHealth.refetch()} />}
        <ErrorBoundary
          key={route.join('/')}
          where={section === 'decisions' && id ? 'this decision' : `the ${section} screen`}
        >
          <Suspense
            fallback={
              <p className="loading" role="status">
                Loading…
              </p>
            }
          >
            {view}
          </Suspense>
        </ErrorBoundary>
      </main>
      <Announcer />
    </div>
  );
}
