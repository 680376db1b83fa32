// "Woorden die opvallen": the words that set one group of a pattern's stories apart from the others (keyness,
// POST /api/storypoints/{slug}/keywords), each word a link to the stories of that group that hold it.
import { h } from '../../form/dom';
import * as api from '../client';
import { formatCount, formatNumber, formatP } from '../labels';
import type { KeywordWord, Keywords, StoryFilter } from '../model';
import { w } from '../texts';
import { storiesAddress } from './stories';

/** A group of stories to look at, against the reference stories. */
export interface WordGroup {
  label: string;
  focus: StoryFilter;
  reference: StoryFilter;
}

/** How many times as common as in the other stories: 2^logRatio, e.g. "3,1 ×" (or "1/3,1 ×" when rarer). */
export function timesAsCommon(logRatio: number): string {
  const times = formatNumber(2 ** Math.abs(logRatio), 1);
  // "1/19,7 ×" asks for arithmetic; "19,7 × minder vaak" is how people say it
  return logRatio >= 0 ? w('words.timesMore', { times }) : w('words.timesFewer', { times });
}

/** The words section of a pattern page: a choice of group, then its words (loaded when chosen). */
export function keywordSection(slug: string, groups: WordGroup[], alive: () => boolean): HTMLElement {
  const heading = h('h2', { id: 'words-heading' });
  const result = h('div', { class: 'words-result', 'aria-live': 'polite' });
  const section = h('section', { class: 'card words', 'aria-labelledby': 'words-heading' }, heading);
  const show = (i: number) => {
    const group = groups[i];
    heading.textContent = w('words.title', { group: group.label });
    result.replaceChildren(h('p', { class: 'hint' }, w('words.loading')));
    api
      .keywords(slug, { focus: group.focus, reference: group.reference, limit: 30 })
      .then((k) => {
        if (alive()) result.replaceChildren(...wordLists(slug, group, k));
      })
      .catch(() => {
        if (alive()) result.replaceChildren(h('p', { class: 'hint' }, w('words.failed')));
      });
  };
  if (groups.length > 1) {
    const select = h(
      'select',
      { id: 'words-group' },
      ...groups.map((g, i) => h('option', { value: String(i) }, g.label)),
    );
    select.addEventListener('change', () => show(Number(select.value)));
    section.append(
      h('div', { class: 'field-inline' }, h('label', { for: 'words-group' }, w('words.group')), select),
    );
  }
  section.append(result);
  show(0);
  return section;
}

function wordLists(slug: string, group: WordGroup, k: Keywords): HTMLElement[] {
  if (k.tooFew) {
    return [h('p', { class: 'hint' }, w('words.tooFew', { k: k.threshold }))];
  }
  const more = k.words.filter((x) => x.logRatio > 0);
  const fewer = k.words.filter((x) => x.logRatio < 0);
  const out: HTMLElement[] = [
    h(
      'p',
      { class: 'hint' },
      w('words.explain', {
        focus: formatCount(k.focusSize),
        reference: formatCount(k.referenceSize),
        k: k.minStories,
      }),
    ),
  ];
  if (k.words.length === 0) {
    out.push(h('p', {}, w('words.none')));
    return out;
  }
  if (more.length > 0) out.push(wordTable(slug, group, more, 'words-more', w('words.more')));
  if (fewer.length > 0) out.push(wordTable(slug, group, fewer, 'words-fewer', w('words.fewer')));
  return out;
}

function wordTable(
  slug: string,
  group: WordGroup,
  words: KeywordWord[],
  id: string,
  caption: string,
): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': id },
    h(
      'table',
      { class: 'data words-table' },
      h('caption', { id }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, w('words.word')),
          h('th', { scope: 'col', class: 'num' }, w('words.focusStories')),
          h('th', { scope: 'col', class: 'num' }, w('words.referenceStories')),
          h('th', { scope: 'col', class: 'num' }, w('words.times')),
          h('th', { scope: 'col', class: 'num' }, w('words.q')),
        ),
      ),
      h(
        'tbody',
        {},
        ...words.map((x) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h(
                'a',
                {
                  href: storiesAddress(slug, { filter: group.focus, q: x.word, page: 0, flagged: false }),
                  class: 'word-link',
                  'aria-label': w('words.read', { word: x.word, group: group.label }),
                },
                x.word,
              ),
            ),
            h('td', { class: 'num' }, formatCount(x.focusStories)),
            h('td', { class: 'num' }, formatCount(x.referenceStories)),
            h('td', { class: 'num' }, timesAsCommon(x.logRatio)),
            h('td', { class: 'num' }, formatP(x.q)),
          ),
        ),
      ),
    ),
  );
}
