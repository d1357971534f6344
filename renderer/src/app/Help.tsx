/** Help: every keyboard shortcut, from the one table the keys and the desktop menu also use. */
import { SHORTCUT_GROUPS, SHORTCUTS, formatKey } from '../../../shared/shortcuts.js';
import { isMac } from './actions.js';
import { href } from './router.js';
import './Help.css';

export function Help() {
  return (
    <section aria-labelledby="help-title" className="help">
      <header className="page-header">
        <h1 id="help-title">Help</h1>
      </header>
      <h2>Keyboard shortcuts</h2>
      <p className="muted">
        Single keys such as <kbd>N</kbd> or <kbd>/</kbd> work while the cursor is not in a text field. In the desktop
        app the menus show the same keys. Press <kbd>Tab</kbd> to move between controls; the focused one is outlined.
      </p>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Keys</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <tr key={s.action}>
                  <th scope="row">
                    {s.label.replace(/…$/, '')}
                    {s.where && <span className="muted"> ({s.where})</span>}
                  </th>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{formatKey(k, isMac)}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <h2>Getting started</h2>
      <ul>
        <li>
          <a href={href('welcome')}>The welcome screen</a>: start a decision, import a repository, browse the library,
          or create a sample decision.
        </li>
        <li>
          <a href={href('library')}>The knowledge library</a>: what the sources claim for and against each option, with
          citations.
        </li>
        <li>The theme (light, dark, or following the system) is chosen in the sidebar and remembered.</li>
      </ul>
    </section>
  );
}
