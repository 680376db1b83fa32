// A story's text or excerpt with its marked quote highlighted.
import { h } from '../form/dom';

/** The text with [start, end) (UTF-16 code units) in a <mark>; the whole text when there is no quote. */
export function markedText(
  text: string,
  start: number | null | undefined,
  end: number | null | undefined,
): DocumentFragment {
  const out = document.createDocumentFragment();
  if (
    start === null ||
    start === undefined ||
    end === null ||
    end === undefined ||
    start < 0 ||
    end <= start ||
    end > text.length
  ) {
    out.append(text);
    return out;
  }
  out.append(text.slice(0, start), h('mark', { class: 'quote' }, text.slice(start, end)), text.slice(end));
  return out;
}

/** An excerpt with the quote highlighted where it occurs; {@code found} is false when it does not. */
export function markedExcerpt(
  excerpt: string,
  quote: string | null | undefined,
): { text: DocumentFragment; found: boolean } {
  if (!quote) {
    return { text: markedText(excerpt, null, null), found: false };
  }
  const at = excerpt.indexOf(quote);
  return { text: markedText(excerpt, at < 0 ? null : at, at < 0 ? null : at + quote.length), found: at >= 0 };
}
