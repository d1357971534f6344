import { lazy, Suspense } from 'react';
import { hasToken } from './api.js';
import { href, useRoute } from './router.js';
import { DecisionList } from './screens/DecisionList.js';
import { Recovery, useStoreHealth } from './screens/Recovery.js';
import { Home, Welcome } from './screens/Welcome.js';
import { IMPORT_REQUEST } from './components/ImportDialog.js';
import { Announcer } from './components/Announcer.js';
import { ThemeSwitch } from './components/ThemeSwitch.js';
import { request, requestFocus, setDefaultAction, useShortcuts } from './actions.js';
import { setTheme } from './theme.js';
import { navigate } from './router.js';

// Every other screen loads when first shown: the list, which most sessions open on, starts
// without parsing the editor, the wizard, the Library or their Markdown and schema code.
const DecisionRead = lazy(() => import('./screens/DecisionRead.js').then((m) => ({ default: m.DecisionRead })));
const DecisionEditor = lazy(() => import('./screens/DecisionEditor.js').then((m) => ({ default: m.DecisionEditor })));
const GuidedDecision = lazy(() => import('./screens/GuidedDecision.js').then((m) => ({ default: m.GuidedDecision })));
const Library = lazy(() => import('./screens/Library.js').then((m) => ({ default: m.Library })));
const Compare = lazy(() => import('./screens/Compare.js').then((m) => ({ default: m.Compare })));
const History = lazy(() => import('./screens/History.js').then((m) => ({ default: m.History })));
const RelationGraph = lazy(() => import('./screens/RelationGraph.js').then((m) => ({ default: m.RelationGraph })));
const Timeline = lazy(() => import('./screens/Timeline.js').then((m) => ({ default: m.Timeline })));
const Help = lazy(() => import('./screens/Help.js').then((m) => ({ default: m.Help })));

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
        <p role="alert">This page needs the address that <code>cairn serve</code> printed (it carries a one-time token). Open that address again.</p>
      </main>
    );
  }
  if (storeHealth && !storeHealth.healthy) return <Recovery status={storeHealth} />;
  let view: React.ReactNode;
  // Opening a decision reads it (rendered as its ADR); `…/edit` is the editor.
  if (section === 'decisions' && id) view = route[2] === 'edit' ? <DecisionEditor key={id} id={id} /> : <DecisionRead key={id} id={id} />;
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
      <a className="skip-link" href="#main">Skip to content</a>
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
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>{view}</Suspense>
      </main>
      <Announcer />
    </div>
  );
}
