// The workspace shell: who is signed in, the story points they may see, the header and tabs, the
// address-based router (History API), focus and title on every page, and the live region for news.
import { ApiError } from '../api';
import { currentLanguage, pick, setLanguage } from '../i18n';
import { append, h } from '../form/dom';
import type { Definition } from '../types';
import * as api from './client';
import type { Session, StoryPointVersion } from './model';
import { w } from './texts';

export const BASE = '/werkplek';
const LANGUAGE_KEY = 'vertelpunt:werkplek:lang';

/** What a view gets: the signed-in user, the story points, where to render, and how to move on. */
export interface Ctx {
  session: Session;
  points: StoryPointVersion[];
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Moves to an address; {@code focus} selects what gets the focus there (the h1 by default). */
  go(path: string, replace?: boolean, focus?: string): void;
  title(text: string): void;
  announce(text: string): void;
  /** Whether this view is still the one on screen (stop polling and ignore late answers otherwise). */
  alive(): boolean;
  point(slug: string): StoryPointVersion | undefined;
  can(role: 'admin' | 'analyst' | 'facilitator'): boolean;
  refresh(): void;
  signedIn(session: Session, next: string): Promise<void>;
}

export type View = (ctx: Ctx) => Promise<void> | void;

interface Route {
  pattern: RegExp;
  names: string[];
  view: () => Promise<View>;
  tab?: 'dashboard' | 'stories' | 'evaluations' | 'monitor' | 'cards' | 'sessions';
  public?: boolean;
}

function route(path: string, view: () => Promise<View>, tab?: Route['tab'], isPublic = false): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}/?$`,
  );
  return { pattern, names, view, tab, public: isPublic };
}

const ROUTES: Route[] = [
  route('/login', async () => (await import('./views/login')).loginView, undefined, true),
  route('', async () => (await import('./views/home')).homeView),
  route('/gebruikers', async () => (await import('./views/users')).usersView),
  route('/:slug', async () => (await import('./views/dashboard')).dashboardView, 'dashboard'),
  route('/:slug/verhalen', async () => (await import('./views/stories')).storiesView, 'stories'),
  route('/:slug/verhalen/:id', async () => (await import('./views/story')).storyView, 'stories'),
  route(
    '/:slug/evaluaties',
    async () => (await import('./views/evaluations')).evaluationsView,
    'evaluations',
  ),
  route(
    '/:slug/evaluaties/gepland',
    async () => (await import('./views/schedules')).schedulesView,
    'evaluations',
  ),
  route('/:slug/evaluaties/:id', async () => (await import('./views/run')).runView, 'evaluations'),
  route(
    '/:slug/evaluaties/:id/:side/:rank',
    async () => (await import('./views/pattern')).patternView,
    'evaluations',
  ),
  route(
    '/:slug/vergelijkingen',
    async () => (await import('./views/comparisons')).comparisonsView,
    'evaluations',
  ),
  route(
    '/:slug/vergelijkingen/:id',
    async () => (await import('./views/comparison')).comparisonView,
    'evaluations',
  ),
  route('/:slug/monitoring', async () => (await import('./views/monitor')).monitorView, 'monitor'),
  route('/:slug/kaarten', async () => (await import('./views/cards')).cardsView, 'cards'),
  route('/:slug/kaarten/:id', async () => (await import('./views/card')).cardView, 'cards'),
  route('/:slug/bijeenkomsten', async () => (await import('./views/sessions')).sessionsView, 'sessions'),
  route('/:slug/bijeenkomsten/:id', async () => (await import('./views/session')).sessionView, 'sessions'),
];

export class App {
  private session: Session | null = null;
  private points: StoryPointVersion[] = [];
  private generation = 0;
  private announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'announcer' });

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      stored = null;
    }
    setLanguage(new URLSearchParams(location.search).get('lang') ?? stored ?? 'nl');
    api.whenSignedOut(() => this.signedOut(true));
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('click', (event) => this.intercept(event));
    try {
      this.session = await api.currentSession();
      this.points = await api.storyPoints();
    } catch (error) {
      this.session = null;
      if (!(error instanceof ApiError && error.status === 401)) {
        this.fatal(error);
        return;
      }
    }
    await this.render(false);
  }

  /** After signing in: remember who, load the story points, go where the user was going. */
  async signedIn(session: Session, next: string): Promise<void> {
    this.session = session;
    this.points = await api.storyPoints();
    this.go(next.startsWith(BASE) ? next : BASE, true);
  }

  async signOut(): Promise<void> {
    try {
      await api.signOut();
    } catch {
      // signed out locally anyway
    }
    this.signedOut(false);
  }

  private signedOut(expired: boolean): void {
    const here = location.pathname + location.search;
    this.session = null;
    const query = new URLSearchParams();
    if (expired) {
      query.set('expired', '1');
      if (!here.startsWith(`${BASE}/login`)) {
        query.set('next', here);
      }
    }
    this.go(`${BASE}/login${query.toString() ? `?${query}` : ''}`, true);
  }

  go(path: string, replace = false, focus?: string): void {
    if (replace) {
      history.replaceState(null, '', path);
    } else {
      history.pushState(null, '', path);
    }
    void this.render(true, focus);
  }

  private intercept(event: MouseEvent): void {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.hasAttribute('download') || a.target || !a.href) {
      return;
    }
    const url = new URL(a.href);
    if (url.origin === location.origin && (url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) {
      event.preventDefault();
      this.go(url.pathname + url.search);
    }
  }

  private switchLanguage(): void {
    const next = currentLanguage() === 'nl' ? 'en' : 'nl';
    setLanguage(next);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // the choice lasts for this page only
    }
    void this.render(false);
  }

  async render(moveFocus = true, focus = 'h1'): Promise<void> {
    const generation = ++this.generation;
    const path = location.pathname.replace(/\/+$/, '');
    const rest = path === BASE ? '' : path.startsWith(`${BASE}/`) ? path.slice(BASE.length) : '';
    let match: RegExpExecArray | null = null;
    const found = ROUTES.find((r) => (match = r.pattern.exec(rest)) !== null);
    if (!found || !match) {
      this.frame(
        null,
        undefined,
        (main) =>
          main.append(
            h('h1', { tabindex: -1 }, w('notFound.title')),
            h('p', {}, w('notFound.body')),
            h('p', {}, h('a', { href: BASE }, w('nav.home'))),
          ),
        moveFocus,
      );
      return;
    }
    if (!found.public && this.session === null) {
      const next = location.pathname + location.search;
      history.replaceState(
        null,
        '',
        `${BASE}/login${next === BASE ? '' : `?next=${encodeURIComponent(next)}`}`,
      );
      void this.render(moveFocus);
      return;
    }
    const params: Record<string, string> = {};
    found.names.forEach((name, i) => {
      params[name] = decodeURIComponent((match as RegExpExecArray)[i + 1]);
    });
    if (params.slug && !this.points.some((p) => p.slug === params.slug)) {
      this.frame(
        null,
        undefined,
        (main) =>
          main.append(
            h('h1', { tabindex: -1 }, w('notFound.pointTitle')),
            h('p', {}, w('notFound.pointBody')),
            h('p', {}, h('a', { href: BASE }, w('nav.home'))),
          ),
        moveFocus,
      );
      return;
    }
    let view: View;
    try {
      view = await found.view();
    } catch (error) {
      this.fatal(error);
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    const main = this.frame(params.slug ?? null, found.tab, () => undefined, false);
    main.append(h('p', { class: 'loading', role: 'status' }, w('app.loading')));
    const ctx: Ctx = {
      session: this.session ?? { username: '', roles: [], storyPoints: [], csrfToken: '' },
      points: this.points,
      main,
      params,
      query: new URLSearchParams(location.search),
      go: (p, replace, target) => this.go(p, replace, target),
      title: (text) => {
        document.title = `${text} – ${w('app.name')}`;
      },
      announce: (text) => {
        this.announcer.textContent = '';
        window.setTimeout(() => {
          this.announcer.textContent = text;
        }, 50);
      },
      alive: () => generation === this.generation,
      point: (slug) => this.points.find((p) => p.slug === slug),
      can: (role) =>
        (this.session?.roles ?? []).includes('admin') || (this.session?.roles ?? []).includes(role),
      refresh: () => void this.render(false),
      signedIn: (session, next) => this.signedIn(session, next),
    };
    try {
      await view(ctx);
    } catch (error) {
      if (generation === this.generation && !(error instanceof ApiError && error.status === 401)) {
        main.replaceChildren(...problemScreen(error));
      }
    }
    if (generation === this.generation) {
      main.querySelector('.loading')?.remove();
      if (moveFocus) {
        (main.querySelector<HTMLElement>(focus) ?? main.querySelector<HTMLElement>('h1'))?.focus();
      }
    }
  }

  /** The page frame: skip link, header, tabs of the story point, main; returns main. */
  private frame(
    slug: string | null,
    tab: Route['tab'],
    fill: (main: HTMLElement) => void,
    moveFocus: boolean,
  ): HTMLElement {
    const main = h('main', { id: 'main', tabindex: -1 });
    fill(main);
    const point = slug ? this.points.find((p) => p.slug === slug) : undefined;
    this.root.replaceChildren();
    append(
      this.root,
      h(
        'a',
        {
          class: 'skip',
          href: '#main',
          onclick: (e: Event) => {
            e.preventDefault();
            main.focus();
          },
        },
        w('nav.skip'),
      ),
      this.header(),
      point ? this.tabs(point.slug, point.definition, tab) : null,
      main,
      this.announcer,
    );
    if (moveFocus) {
      main.querySelector<HTMLElement>('h1')?.focus();
    }
    return main;
  }

  private header(): HTMLElement {
    const other = currentLanguage() === 'nl' ? 'en' : 'nl';
    const session = this.session;
    return h(
      'header',
      { class: 'top werk-top' },
      h('a', { class: 'brand', href: session ? BASE : `${BASE}/login` }, w('app.name')),
      session
        ? h(
            'nav',
            { class: 'main-nav', 'aria-label': w('nav.mainLabel') },
            h('a', { href: BASE, 'aria-current': location.pathname === BASE ? 'page' : null }, w('nav.home')),
            session.roles.includes('admin')
              ? h(
                  'a',
                  {
                    href: `${BASE}/gebruikers`,
                    'aria-current': location.pathname === `${BASE}/gebruikers` ? 'page' : null,
                  },
                  w('nav.users'),
                )
              : null,
          )
        : null,
      h(
        'div',
        { class: 'user' },
        session ? h('span', { class: 'who' }, w('nav.signedInAs', { name: session.username })) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'link lang',
            lang: other,
            'aria-label': w('lang.switchLabel'),
            onclick: () => this.switchLanguage(),
          },
          w('lang.switch'),
        ),
        session
          ? h(
              'button',
              {
                type: 'button',
                class: 'button secondary small',
                id: 'sign-out',
                onclick: () => void this.signOut(),
              },
              w('nav.signOut'),
            )
          : null,
      ),
    );
  }

  private tabs(slug: string, d: Definition, tab: Route['tab']): HTMLElement {
    const query = new URLSearchParams(location.search);
    const filter = query.get('filter');
    // the filter goes along between the dashboard, the stories and the evaluations
    const carry = filter ? `?filter=${encodeURIComponent(filter)}` : '';
    const link = (name: NonNullable<Route['tab']>, path: string, text: string) =>
      h(
        'a',
        {
          href: `${BASE}/${encodeURIComponent(slug)}${path}${carry}`,
          class: 'tab',
          'aria-current': tab === name ? 'page' : null,
        },
        text,
      );
    return h(
      'nav',
      { class: 'tabs', 'aria-label': w('nav.pointLabel', { point: pick(d.title) }) },
      h('span', { class: 'point-name' }, pick(d.title)),
      h(
        'div',
        { class: 'tab-list' },
        link('dashboard', '', w('nav.dashboard')),
        link('stories', '/verhalen', w('nav.stories')),
        link('evaluations', '/evaluaties', w('nav.evaluations')),
        link('monitor', '/monitoring', w('nav.monitor')),
        link('cards', '/kaarten', w('nav.cards')),
        this.mayFacilitate() ? link('sessions', '/bijeenkomsten', w('nav.sessions')) : null,
      ),
    );
  }

  /** Sessions are for facilitators (and admins). */
  private mayFacilitate(): boolean {
    const roles = this.session?.roles ?? [];
    return roles.includes('admin') || roles.includes('facilitator');
  }

  private fatal(error: unknown): void {
    const main = h('main', { id: 'main', tabindex: -1 }, ...problemScreen(error));
    this.root.replaceChildren(this.header(), main);
    main.querySelector<HTMLElement>('h1')?.focus();
  }
}

/** A plain message for a failed load, with a way to try again. */
export function problemScreen(error: unknown): HTMLElement[] {
  const e = error instanceof ApiError ? error : new ApiError('network');
  const body =
    e.status === 403
      ? w('error.forbidden')
      : e.status === 404
        ? w('error.notFound')
        : e.kind === 'network'
          ? w('error.network')
          : w('error.server');
  return [
    h('h1', { tabindex: -1 }, w('error.title')),
    h('p', { role: 'alert' }, body),
    h(
      'button',
      { type: 'button', class: 'button primary', onclick: () => location.reload() },
      w('error.retry'),
    ),
  ];
}

/** A problem in words for a message next to a form (see problems.ts). */
export { problemText } from './problems';
