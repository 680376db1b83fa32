// A tiny element builder: h('p', { class: 'hint' }, 'text', child).
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

let counter = 0;
/** A unique element id. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Text with phone numbers made into links: "0800-0432" and "112" become tel: links, so that people
 * on a phone can call with one tap.
 */
export function withPhoneLinks(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const pattern = /\b(0800-?\d{4}|0900-?\d{4}|112|113)\b/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    fragment.append(text.slice(last, index));
    // a number never breaks across lines (a hyphen would allow it): "0800-" on one line is no number to call
    fragment.append(h('a', { class: 'phone', href: `tel:${match[0].replace(/-/g, '')}` }, match[0]));
    last = index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/**
 * Room for messages that come and go without moving anything: the block keeps the height of the longest of its
 * texts (laid out unseen, in the look of the element they stand for), so a message shown later pushes nothing
 * down. {@code shown} are the elements that carry the messages, {@code room} each text with its element.
 */
export function reserved(shown: HTMLElement[], room: [HTMLElement, string][]): HTMLElement {
  const ghosts = room.map(([like, text]) => {
    const ghost = h(like.tagName.toLowerCase() as 'p', {
      class: `${like.className} ghost`,
      'aria-hidden': 'true',
    });
    ghost.textContent = text;
    return ghost;
  });
  // the shown elements first, so that a look-up by class finds them before their unseen doubles
  return h('div', { class: 'reserved' }, ...shown, ...ghosts);
}
