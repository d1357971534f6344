import { hasToken } from './api.js';
import { href, useRoute } from './router.js';
import { DecisionEditor } from './screens/DecisionEditor.js';
import { DecisionList } from './screens/DecisionList.js';
import { GuidedDecision } from './screens/GuidedDecision.js';
import { Library } from './screens/Library.js';
import { Compare } from './screens/Compare.js';
import { History } from './screens/History.js';
import { RelationGraph } from './screens/RelationGraph.js';
import { Timeline } from './screens/Timeline.js';
import { Recovery, useStoreHealth } from './screens/Recovery.js';
import { Help } from './screens/Help.js';
import { Home, Welcome } from './screens/Welcome.js';
import { IMPORT_REQUEST } from './components/ImportDialog.js';
import { Announcer } from './components/Announcer.js';
import { ThemeSwitch } from './components/ThemeSwitch.js';
import { request, requestFocus, setDefaultAction, useShortcuts } from './actions.js';
import { setTheme } from './theme.js';
import { navigate } from './router.js';

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
  let screen: React.ReactNode;
  if (section === 'decisions' && id) screen = <DecisionEditor key={id} id={id} />;
  else if (section === 'library') screen = <Library route={route} />;
  else if (section === 'compare') screen = <Compare ids={route.slice(1)} />;
  else if (section === 'history' && id) screen = <History key={id} id={id} />;
  else if (section === 'timeline') screen = <Timeline />;
  else if (section === 'graph') screen = <RelationGraph focus={id} />;
  else if (section === 'help') screen = <Help />;
  else if (section === 'welcome') screen = <Welcome />;
  else if (route.length === 0) screen = <Home />;
  else screen = <DecisionList />;
  if (section === 'decisions' && id && route[2] === 'wizard') screen = <GuidedDecision key={id} id={id} />;
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
        {screen}
      </main>
      <Announcer />
    </div>
  );
}
