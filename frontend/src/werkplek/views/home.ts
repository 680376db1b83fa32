// The story points the user may see; choose one.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import { BASE, type Ctx } from '../app';
import { formatDate } from '../labels';
import { w } from '../texts';

export function homeView(ctx: Ctx): void {
  ctx.title(w('home.title'));
  append(ctx.main, h('h1', { tabindex: -1 }, w('home.title')));
  if (ctx.points.length === 0) {
    append(ctx.main, h('p', {}, w('home.none')));
    return;
  }
  append(
    ctx.main,
    h('p', { class: 'intro' }, w('home.intro')),
    h(
      'ul',
      { class: 'cards' },
      ...ctx.points.map((p) => {
        const base = `${BASE}/${encodeURIComponent(p.slug)}`;
        return h(
          'li',
          { class: 'card point' },
          h('h2', {}, h('a', { href: base }, pick(p.definition.title))),
          h(
            'p',
            { class: 'hint' },
            w('home.meta', { slug: p.slug, version: p.version, date: formatDate(p.publishedAt) }),
          ),
          h(
            'p',
            { class: 'links' },
            h(
              'a',
              { href: base, 'aria-label': `${w('nav.dashboard')}: ${pick(p.definition.title)}` },
              w('nav.dashboard'),
            ),
            h(
              'a',
              { href: `${base}/verhalen`, 'aria-label': `${w('nav.stories')}: ${pick(p.definition.title)}` },
              w('nav.stories'),
            ),
            h(
              'a',
              {
                href: `${base}/evaluaties`,
                'aria-label': `${w('nav.evaluations')}: ${pick(p.definition.title)}`,
              },
              w('nav.evaluations'),
            ),
            h(
              'a',
              { href: `${base}/kaarten`, 'aria-label': `${w('nav.cards')}: ${pick(p.definition.title)}` },
              w('nav.cards'),
            ),
            ctx.can('facilitator')
              ? h(
                  'a',
                  {
                    href: `${base}/bijeenkomsten`,
                    'aria-label': `${w('nav.sessions')}: ${pick(p.definition.title)}`,
                  },
                  w('nav.sessions'),
                )
              : null,
            h(
              'a',
              {
                href: `/v/${encodeURIComponent(p.slug)}`,
                'aria-label': `${w('home.form')}: ${pick(p.definition.title)}`,
              },
              w('home.form'),
            ),
            ctx.can('facilitator')
              ? h(
                  'a',
                  {
                    href: `${base}/verteltafel`,
                    'aria-label': `${w('home.verteltafel')}: ${pick(p.definition.title)}`,
                  },
                  w('home.verteltafel'),
                )
              : null,
            ctx.can('facilitator')
              ? h(
                  'a',
                  {
                    href: `${base}/papier`,
                    'aria-label': `${w('home.paperEntry')}: ${pick(p.definition.title)}`,
                  },
                  w('home.paperEntry'),
                )
              : null,
            h(
              'a',
              {
                href: `/api/storypoints/${encodeURIComponent(p.slug)}/paper.pdf`,
                'aria-label': `${w('home.paperPdf')}: ${pick(p.definition.title)}`,
              },
              w('home.paperPdf'),
            ),
          ),
        );
      }),
    ),
  );
}
