/**
 * What the CLI prints is safe for a terminal. Policy enforced here: text from the store or from
 * files (titles, file names, error messages quoting them) never reaches the terminal with control
 * characters in it, so a title cannot set the window title (ESC ] 0 ; … BEL), clear the screen
 * (ESC [ 2 J), ring the bell, move the cursor or reverse the text direction. Each such character is
 * shown as a visible escape instead (`\x1B`, `\u202E`); tabs and line breaks stay. `--json`
 * output is unaffected in practice: JSON.stringify already escapes control characters.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * A stream the CLI writes to that ends quietly when the reader goes away (`cairn list | head -1`):
 * EPIPE stops further output instead of throwing a stack trace; the command itself still finishes,
 * so an export is never left half done because nobody reads its report.
 */
export function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return (text) => {
    if (closed) return;
    try {
      stream.write(text + '\n');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
      else throw e;
    }
  };
}
