/** Shows a search snippet with its matches marked; the text is never parsed as HTML. */
import { MARK_END as END, MARK_START as START } from '../../../shared/snippet.js';

export function Highlighted({ text }: { text: string }) {
  const parts = text.split(START);
  return (
    <>
      {parts[0]}
      {parts.slice(1).map((part, i) => {
        const [hit, rest = ''] = part.split(END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
