// One story: title, text, every answer with its question in words; for analysts and admins the
// personal-data flags marked in the text, and moderation: redact a span (select it, or click a flag),
// dismiss a flag, hide or show the story. Every step says what happened.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import { BASE, problemText, type Ctx } from '../app';
import * as api from '../client';
import { channelLabel, describeAnswer, formatDateTime, fullQuestionTitle, roleLabel } from '../labels';
import type { Flag, Story } from '../model';
import { w, type WKey } from '../texts';

type Field = 'title' | 'text';

interface Span {
  field: Field;
  start: number;
  end: number;
}

const KINDS = ['email', 'url', 'phone', 'bsn', 'iban', 'postcode', 'address', 'name'];

export function flagKind(kind: string): string {
  return KINDS.includes(kind) ? w(`flag.${kind}` as WKey) : kind;
}

export async function storyView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  let story = await api.story(slug, ctx.params.id);
  if (!ctx.alive()) return;
  const moderator = ctx.can('analyst');
  const status = h('p', { class: 'status-line', role: 'status', tabindex: -1, id: 'story-status' });
  const content = h('div', {});
  let selection: Span | null = null;
  let busy = false;

  const say = (text: string, focus = true) => {
    status.textContent = text;
    status.classList.remove('error');
    if (focus) status.focus();
  };
  const fail = (error: unknown) => {
    status.textContent = problemText(error);
    status.classList.add('error');
    status.focus();
  };

  const act = async (
    action: () => Promise<{
      title?: string | null;
      text: string;
      flagged: boolean;
      hidden: boolean;
      flags: Flag[];
    }>,
    done: string,
  ) => {
    if (busy) return;
    busy = true;
    try {
      const state = await action();
      story = {
        ...story,
        title: state.title,
        text: state.text,
        flagged: state.flagged,
        hidden: state.hidden,
        flags: state.flags,
      };
      selection = null;
      render();
      say(done);
    } catch (error) {
      fail(error);
    } finally {
      busy = false;
    }
  };

  const redact = (span: Span) =>
    act(() => api.redact(slug, story.id, span.field, span.start, span.end), w('moderation.redacted'));

  /** Asks before a redaction: the original is gone for good. */
  const confirmRedaction = (span: Span) => {
    const source = (span.field === 'title' ? (story.title ?? '') : story.text).slice(span.start, span.end);
    const yes = h(
      'button',
      { type: 'button', class: 'button danger', id: 'redact-confirm', onclick: () => void redact(span) },
      w('moderation.redactYes'),
    );
    const panel = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-text' },
      h(
        'p',
        { id: 'confirm-text' },
        w('moderation.redactAsk', { text: source.length > 120 ? `${source.slice(0, 120)}…` : source }),
      ),
      h(
        'div',
        { class: 'actions' },
        yes,
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => {
              panel.remove();
              say(w('moderation.cancelled'));
            },
          },
          w('moderation.cancel'),
        ),
      ),
    );
    content.querySelector('.confirm')?.remove();
    content.querySelector('#moderation-tools')?.after(panel);
    yes.focus();
  };

  /** A field with its open (not dismissed) flags marked; a click on a mark offers to redact it. */
  const marked = (field: Field, text: string, tag: 'p' | 'div'): HTMLElement => {
    const element = h(tag, {
      class: field === 'title' ? 'story-title-text' : 'story-text',
      'data-field': field,
    });
    const flags = moderator
      ? story.flags.filter((f) => f.field === field && !f.dismissed).sort((a, b) => a.start - b.start)
      : [];
    let at = 0;
    for (const flag of flags) {
      if (flag.start < at || flag.end > text.length) continue;
      element.append(text.slice(at, flag.start));
      element.append(
        h(
          'mark',
          {
            class: 'flag',
            'data-flag': flag.id,
            title: w('moderation.clickFlag', { kind: flagKind(flag.kind) }),
            onclick: () => confirmRedaction({ field, start: flag.start, end: flag.end }),
          },
          text.slice(flag.start, flag.end),
        ),
      );
      at = flag.end;
    }
    element.append(text.slice(at));
    return element;
  };

  const flagList = (): HTMLElement => {
    const open = story.flags.filter((f) => !f.dismissed);
    const dismissed = story.flags.filter((f) => f.dismissed);
    const source = (f: Flag) =>
      (f.field === 'title' ? (story.title ?? '') : story.text).slice(f.start, f.end);
    return h(
      'section',
      { class: 'card flags', 'aria-labelledby': 'flags-heading' },
      h('h2', { id: 'flags-heading' }, w('moderation.flagsTitle')),
      open.length === 0
        ? h('p', {}, w('moderation.noFlags'))
        : h(
            'ul',
            { class: 'flag-list' },
            ...open.map((f) =>
              h(
                'li',
                { class: 'flag-item', 'data-flag': f.id },
                h('span', { class: 'flag-kind' }, flagKind(f.kind)),
                ': ',
                h('mark', { class: 'flag' }, source(f)),
                f.field === 'title' ? h('span', { class: 'hint' }, ` (${w('moderation.inTitle')})`) : null,
                h(
                  'span',
                  { class: 'flag-actions' },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'button small danger',
                      'aria-label': w('moderation.redactFlag', { text: source(f) }),
                      onclick: () => confirmRedaction({ field: f.field, start: f.start, end: f.end }),
                    },
                    w('moderation.redact'),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'button small secondary',
                      'aria-label': w('moderation.dismissFlag', { text: source(f) }),
                      onclick: () =>
                        void act(() => api.dismissFlag(slug, story.id, f.id), w('moderation.dismissed')),
                    },
                    w('moderation.dismiss'),
                  ),
                ),
              ),
            ),
          ),
      dismissed.length > 0
        ? h('p', { class: 'hint' }, w('moderation.dismissedCount', { count: dismissed.length }))
        : null,
    );
  };

  const render = () => {
    const title = story.title && story.title.trim() !== '' ? story.title : null;
    const heading = h('h1', { tabindex: -1 }, title ?? w('story.untitled', { id: story.id }));
    const text = marked('text', story.text, 'div');
    const tools = moderator
      ? h(
          'div',
          { class: 'tools', id: 'moderation-tools' },
          h('p', { class: 'hint' }, w('moderation.selectHint')),
          h(
            'button',
            {
              type: 'button',
              class: 'button secondary',
              id: 'redact-selection',
              onclick: () => (selection ? confirmRedaction(selection) : say(w('moderation.selectFirst'))),
            },
            w('moderation.redactSelection'),
          ),
        )
      : null;
    content.replaceChildren();
    append(
      content,
      heading,
      h(
        'p',
        { class: 'meta' },
        [
          formatDateTime(story.submittedAt),
          roleLabel(d, story.role),
          channelLabel(story.channel),
          w('story.language', { language: story.language }),
          w('story.version', { version: story.version }),
          w('story.words', { count: story.wordCount }),
        ].join(' · '),
        ' ',
        story.complete
          ? h('span', { class: 'badge' }, w('story.complete'))
          : h('span', { class: 'badge' }, w('story.incomplete')),
        story.flagged && moderator ? h('span', { class: 'badge warn' }, w('story.flagged')) : null,
        story.hidden ? h('span', { class: 'badge dark' }, w('story.hidden')) : null,
      ),
      status,
      h(
        'section',
        { class: 'card story', 'aria-labelledby': 'story-heading' },
        h('h2', { id: 'story-heading' }, w('story.textTitle')),
        title ? h('p', { class: 'field-name' }, w('story.titleLabel')) : null,
        title ? marked('title', story.title ?? '', 'p') : null,
        title ? h('p', { class: 'field-name' }, w('story.textLabel')) : null,
        text,
        tools,
      ),
      moderator ? flagList() : null,
      answers(d, story),
      moderator
        ? h(
            'section',
            { class: 'card', 'aria-labelledby': 'visibility-heading' },
            h('h2', { id: 'visibility-heading' }, w('moderation.visibilityTitle')),
            h('p', {}, story.hidden ? w('moderation.isHidden') : w('moderation.isVisible')),
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                id: 'toggle-hidden',
                onclick: () =>
                  void act(
                    () => api.setHidden(slug, story.id, !story.hidden),
                    story.hidden ? w('moderation.shown') : w('moderation.hiddenDone'),
                  ),
              },
              story.hidden ? w('moderation.show') : w('moderation.hide'),
            ),
          )
        : null,
      h('p', {}, h('a', { href: `${BASE}/${encodeURIComponent(slug)}/verhalen` }, w('story.back'))),
    );
  };

  // remember the last selection inside the title or text (a click on a button may clear it)
  const onSelection = () => {
    if (!ctx.alive()) {
      document.removeEventListener('selectionchange', onSelection);
      return;
    }
    const found = selectedSpan(content);
    if (found) {
      selection = found;
    }
  };
  document.addEventListener('selectionchange', onSelection);

  ctx.title(`${story.title || w('story.untitled', { id: story.id })} – ${pick(d.title)}`);
  render();
  append(ctx.main, content);
}

/** The selected span of the story's title or text in UTF-16 code units, if the selection lies inside one. */
function selectedSpan(content: HTMLElement): Span | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const start = (
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement
  )?.closest('[data-field]');
  const end = (
    range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement
  )?.closest('[data-field]');
  if (!start || start !== end || !content.contains(start)) return null;
  const before = document.createRange();
  before.selectNodeContents(start);
  before.setEnd(range.startContainer, range.startOffset);
  const from = before.toString().length;
  const to = from + range.toString().length;
  return to > from ? { field: start.getAttribute('data-field') as Field, start: from, end: to } : null;
}

function answers(d: Definition, story: Story): HTMLElement {
  const list = h('dl', { class: 'answers' });
  const known = new Set<string>();
  for (const q of d.questions) {
    known.add(q.id);
    if (q.roles && !q.roles.includes(story.role)) continue;
    list.append(h('dt', {}, fullQuestionTitle(q)), h('dd', {}, describeAnswer(q, story.answers[q.id])));
  }
  for (const [id, value] of Object.entries(story.answers)) {
    if (!known.has(id)) {
      list.append(h('dt', {}, id), h('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)));
    }
  }
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'answers-heading' },
    h('h2', { id: 'answers-heading' }, w('story.answersTitle')),
    list,
  );
}
