// The verteltafel: a signed-in facilitator takes stories from several people in a row, each with its own
// role, story and answers, read back before saving. Finished stories wait in the device's encrypted
// queue (vault.ts) and are sent when the connection and the session allow, each with its own submission
// id; a story leaves the queue only after the server acknowledged it (200 or 201).
import { ApiError } from '../api';
import { currentLanguage, pick, setLanguage, t } from '../i18n';
import { h, withPhoneLinks } from '../form/dom';
import { newSubmissionId } from '../form/draft';
import { questionPage } from '../form/widgets/questions';
import { reviewAnswers, reviewStory } from '../form/widgets/review';
import { storyFields } from '../form/widgets/story';
import { questionsFor } from '../form/wording';
import type { Answer, Definition, PublishedStoryPoint, Question } from '../types';
import {
  currentSession,
  mayTakeStories,
  sendStory,
  signIn,
  today,
  type InPersonStory,
  type Session,
} from './staff';
import { v } from './texts';
import { MIN_PIN_LENGTH, Vault } from './vault';

const PER_PAGE = 3;
const RETRY_MS = 20_000;

type Step = { kind: 'role' } | { kind: 'story' } | { kind: 'questions'; page: number } | { kind: 'review' };
type Screen =
  | Step
  | { kind: 'setup' }
  | { kind: 'unlock' }
  | { kind: 'signin'; again: boolean }
  | { kind: 'denied' }
  | { kind: 'first-online' }
  | { kind: 'saved' };

/** The story being taken, sealed in the vault at every change. */
interface Current {
  submissionId: string;
  role: string | null;
  language: string;
  title: string;
  text: string;
  answers: Record<string, Answer>;
  step: Step;
}

interface Draft {
  gathering: string;
  current: Current;
}

const fresh = (language: string): Current => ({
  submissionId: newSubmissionId(),
  role: null,
  language,
  title: '',
  text: '',
  answers: {},
  step: { kind: 'role' },
});

/** What became of one waiting story in a round of sending: acknowledged, or refused for a reason. */
export type SendResult =
  { id: string; sent: true } | { id: string; sent: false; story: InPersonStory; error: ApiError };

/**
 * Sends the story point's waiting stories once, in the order the vault lists them; a story leaves the
 * queue only after the server acknowledged it (201, or 200 when it had arrived before). Stops at the
 * first sign that sending cannot work now: 'signin' when the session has ended (401), 'offline' on no
 * connection or a server problem; 'done' when every story was tried. A story the server refuses for a
 * reason of its own (400, 422, ...) stays in the queue; {@code each} hears of it, and of every story
 * acknowledged.
 */
export async function sendWaiting(
  vault: Vault,
  slug: string,
  send: (slug: string, story: InPersonStory) => Promise<unknown>,
  each: (result: SendResult) => Promise<void>,
): Promise<'done' | 'signin' | 'offline'> {
  for (const id of await vault.waiting(slug)) {
    const story = await vault.read<InPersonStory>(id);
    if (!story) {
      continue;
    }
    try {
      await send(slug, story);
      // acknowledged: only now it may leave the device
      await vault.dequeue(id);
      await each({ id, sent: true });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('network');
      if (e.status === 401) {
        return 'signin';
      }
      if (e.kind === 'network' || e.kind === 'server') {
        return 'offline';
      }
      await each({ id, sent: false, story, error: e });
    }
  }
  return 'done';
}

export class TableApp {
  private readonly definition: Definition;
  private readonly vault = new Vault();
  private screen: Screen = { kind: 'setup' };
  private session: Session | null = null;
  private offlineCopy: boolean;
  private gathering = '';
  private current: Current;
  private waiting: string[] = [];
  private problems = new Map<string, { story: InPersonStory; error: ApiError }>();
  private sending = false;
  private needsSignIn = false;
  private readonly counter = h('p', {
    class: 'queue-count',
    id: 'queue-count',
    role: 'status',
    'aria-live': 'polite',
  });
  private readonly connection = h('p', { class: 'connection', id: 'connection', 'aria-live': 'polite' });
  /** Whether the service worker keeps this page, so that the facilitator knows when the Wi-Fi may go. */
  private readonly offlineReady = h('p', {
    class: 'offline-ready',
    id: 'offline-ready',
    'aria-live': 'polite',
  });
  private saveTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly point: PublishedStoryPoint,
    offlineCopy: boolean,
  ) {
    this.definition = point.definition;
    this.offlineCopy = offlineCopy;
    this.current = fresh(currentLanguage());
    window.addEventListener('online', () => {
      this.showConnection();
      void this.sendAll();
    });
    window.addEventListener('offline', () => this.showConnection());
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.addEventListener('controllerchange', () => this.showConnection());
      // the worker may have taken the page over before this listener was there
      void navigator.serviceWorker.ready.then(() => this.showConnection());
    }
    window.setInterval(() => {
      this.showConnection();
      void this.sendAll();
    }, RETRY_MS);
  }

  private get slug(): string {
    return this.point.slug;
  }

  async start(): Promise<void> {
    const setUp = await this.vault.isSetUp();
    try {
      this.session = await currentSession();
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind === 'network' || error.kind === 'server') {
        // no connection: with a PIN set on this device the verteltafel works on without one
        this.screen = setUp ? { kind: 'unlock' } : { kind: 'first-online' };
        await this.refreshCount();
        this.render(false);
        return;
      }
      this.session = null;
    }
    if (this.session === null) {
      this.screen = { kind: 'signin', again: false };
    } else if (!mayTakeStories(this.session, this.slug)) {
      this.screen = { kind: 'denied' };
    } else {
      this.screen = setUp ? { kind: 'unlock' } : { kind: 'setup' };
    }
    await this.refreshCount();
    this.render(false);
  }

  // ---- the queue ---------------------------------------------------------------------------

  private async refreshCount(): Promise<void> {
    this.waiting = await this.vault.waiting(this.slug);
    const n = this.waiting.length;
    this.counter.textContent =
      this.sending && n > 0
        ? v('queue.sending', { count: n })
        : n === 0
          ? v('queue.none')
          : n === 1
            ? v('queue.one')
            : v('queue.many', { count: n });
    this.counter.dataset.count = String(n);
    this.showConnection();
  }

  private showConnection(): void {
    this.connection.textContent = navigator.onLine ? '' : v('connection.offline');
    this.connection.hidden = navigator.onLine;
    const ready = 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
    this.offlineReady.textContent = v(ready ? 'offline.ready' : 'offline.notReady');
    this.offlineReady.dataset.ready = String(ready);
  }

  /** Sends every waiting story once; stops at the first sign that sending cannot work now. */
  private async sendAll(): Promise<void> {
    if (this.sending || !this.vault.unlocked || !navigator.onLine) {
      return;
    }
    if (this.session === null) {
      try {
        this.session = await currentSession();
        this.needsSignIn = false;
      } catch (error) {
        this.needsSignIn = error instanceof ApiError && error.status === 401;
        this.renderProblems();
        return;
      }
    }
    this.sending = true;
    await this.refreshCount();
    try {
      const stop = await sendWaiting(this.vault, this.slug, sendStory, async (result) => {
        if (result.sent) {
          this.problems.delete(result.id);
        } else {
          this.problems.set(result.id, { story: result.story, error: result.error });
        }
        await this.refreshCount();
      });
      if (stop === 'signin') {
        this.session = null;
        this.needsSignIn = true;
      }
    } finally {
      this.sending = false;
      await this.refreshCount();
      this.renderProblems();
    }
  }

  // ---- the story being taken ---------------------------------------------------------------

  private persist(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.saveDraftNow(), 250);
  }

  private async saveDraftNow(): Promise<void> {
    window.clearTimeout(this.saveTimer);
    if (this.vault.unlocked) {
      await this.vault.saveDraft(this.slug, {
        gathering: this.gathering,
        current: this.current,
      } satisfies Draft);
    }
  }

  /** The questions for the storyteller's role, in its wording and numbered as the storyteller sees them. */
  private questionsForRole(): Question[] {
    return questionsFor(this.definition, this.current.role);
  }

  private pages(): Question[][] {
    const questions = this.questionsForRole();
    const pages: Question[][] = [];
    for (let i = 0; i < questions.length; i += PER_PAGE) {
      pages.push(questions.slice(i, i + PER_PAGE));
    }
    return pages;
  }

  private go(step: Step): void {
    this.screen = step;
    this.current.step = step;
    this.persist();
    this.render(true);
  }

  private chooseRole(role: string): void {
    if (this.current.role !== role) {
      this.current.role = role;
      const asked = new Set(this.questionsForRole().map((q) => q.id));
      Object.keys(this.current.answers)
        .filter((id) => !asked.has(id))
        .forEach((id) => delete this.current.answers[id]);
    }
    this.go({ kind: 'story' });
  }

  private async save(): Promise<void> {
    if (this.current.role === null) {
      return;
    }
    const c = this.current;
    const story: InPersonStory = {
      submissionId: c.submissionId,
      channel: 'verteltafel',
      role: c.role as string,
      language: c.language,
      title: c.title.trim() === '' ? undefined : c.title,
      text: c.text,
      answers: c.answers,
      gathering: this.gathering.trim() === '' ? undefined : this.gathering.trim(),
      toldOn: today(),
    };
    await this.vault.enqueue(this.slug, story.submissionId, story);
    this.current = fresh(currentLanguage());
    await this.saveDraftNow();
    this.screen = { kind: 'saved' };
    await this.refreshCount();
    this.render(true);
    void this.sendAll();
  }

  private async unlocked(): Promise<void> {
    const draft = await this.vault.loadDraft<Draft>(this.slug);
    if (draft) {
      this.gathering = draft.gathering;
      this.current = draft.current;
      if (draft.current.language !== currentLanguage() && draft.current.role !== null) {
        setLanguage(draft.current.language);
      }
    }
    await this.refreshCount();
    this.screen = this.current.role === null ? { kind: 'role' } : this.current.step;
    this.render(true);
    void this.sendAll();
  }

  // ---- rendering ---------------------------------------------------------------------------

  private render(moveFocus: boolean): void {
    const main = h('main', { id: 'main' });
    switch (this.screen.kind) {
      case 'setup':
        this.setup(main);
        break;
      case 'unlock':
        this.unlock(main);
        break;
      case 'signin':
        this.signin(main, this.screen.again);
        break;
      case 'denied':
        this.message(main, v('denied.heading'), v('denied.body'));
        break;
      case 'first-online':
        this.message(main, v('firstOnline.heading'), v('firstOnline.body'));
        break;
      case 'role':
        this.roleScreen(main);
        break;
      case 'story':
        this.story(main);
        break;
      case 'questions':
        this.questions(main, this.screen.page);
        break;
      case 'review':
        this.review(main);
        break;
      case 'saved':
        this.saved(main);
        break;
    }
    document.title = `${main.querySelector('h1')?.textContent ?? ''} – ${v('app.name')}`;
    this.root.replaceChildren(this.header(), main);
    this.renderProblems();
    if (moveFocus) {
      main.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  private header(): HTMLElement {
    const other = currentLanguage() === 'nl' ? 'en' : 'nl';
    const offersEnglish = 'en' in this.definition.title;
    const working = this.vault.unlocked;
    return h(
      'header',
      { class: 'top vt-top' },
      h(
        'div',
        { class: 'vt-brand' },
        h('span', { class: 'brand' }, v('app.name')),
        h('span', { class: 'vt-point' }, pick(this.definition.title)),
      ),
      h(
        'div',
        { class: 'vt-status' },
        this.counter,
        this.offlineReady,
        this.connection,
        working
          ? h(
              'button',
              { type: 'button', class: 'link', id: 'send-now', onclick: () => void this.sendAll() },
              v('queue.send'),
            )
          : null,
        working
          ? h('button', { type: 'button', class: 'link', id: 'lock', onclick: () => this.lock() }, v('lock'))
          : null,
        offersEnglish
          ? h(
              'button',
              {
                type: 'button',
                class: 'link lang',
                lang: other,
                'aria-label': t('lang.switchLabel'),
                onclick: () => this.switchLanguage(),
              },
              t('lang.switch'),
            )
          : null,
      ),
    );
  }

  private switchLanguage(): void {
    setLanguage(currentLanguage() === 'nl' ? 'en' : 'nl');
    this.current.language = currentLanguage();
    this.persist();
    this.render(false);
  }

  private lock(): void {
    void this.saveDraftNow().then(() => {
      this.vault.lock();
      this.screen = { kind: 'unlock' };
      this.render(true);
    });
  }

  private heading(text: string): HTMLHeadingElement {
    return h('h1', { tabindex: -1 }, text);
  }

  private message(main: HTMLElement, title: string, body: string): void {
    main.append(this.heading(title), h('p', {}, body));
  }

  private problemsBox = h('section', {
    class: 'vt-problems',
    'aria-labelledby': 'problems-heading',
    hidden: true,
  });

  /** Stories the server refused, and the request to sign in again; shown under every screen. */
  private renderProblems(): void {
    const box = this.problemsBox;
    box.replaceChildren();
    const signInAgain = this.needsSignIn && this.vault.unlocked && this.screen.kind !== 'signin';
    box.hidden = this.problems.size === 0 && !signInAgain;
    if (box.hidden) {
      return;
    }
    box.append(h('h2', { id: 'problems-heading' }, v('problems.heading')));
    if (signInAgain) {
      box.append(
        h('p', { role: 'alert' }, v('signin.expired')),
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => {
              this.screen = { kind: 'signin', again: true };
              this.render(true);
            },
          },
          v('signin.again'),
        ),
      );
    }
    if (this.problems.size > 0) {
      box.append(h('p', {}, v('problems.intro')));
      const list = h('ul', { class: 'vt-problem-list' });
      this.problems.forEach(({ story, error }, id) => {
        const start = story.title ?? (story.text.length > 60 ? `${story.text.slice(0, 60)}…` : story.text);
        const reasons = error.problem?.errors?.length
          ? error.problem.errors.map((e) => `${e.field}: ${e.message}`)
          : [error.problem?.detail ?? v('problems.noReason')];
        list.append(
          h(
            'li',
            { 'data-submission': id },
            h('p', {}, h('strong', {}, v('problems.story', { start }))),
            h('ul', {}, ...reasons.map((r) => h('li', {}, r))),
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => void this.discard(id) },
              v('problems.remove'),
            ),
          ),
        );
      });
      box.append(list);
    }
    if (!box.isConnected) {
      this.root.querySelector('main')?.append(box);
    }
  }

  private async discard(id: string): Promise<void> {
    if (!window.confirm(v('problems.removeConfirm'))) {
      return;
    }
    await this.vault.dequeue(id);
    this.problems.delete(id);
    await this.refreshCount();
    this.renderProblems();
  }

  private signin(main: HTMLElement, again: boolean): void {
    main.append(this.heading(v('signin.heading')));
    if (again) {
      main.append(h('p', {}, v('signin.expired')));
    }
    const error = h('p', { class: 'error', id: 'signin-error', role: 'alert' });
    const user = h('input', {
      id: 'username',
      type: 'text',
      autocomplete: 'username',
      required: true,
      autocapitalize: 'none',
      spellcheck: 'false',
    });
    const pass = h('input', {
      id: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const form = h(
      'form',
      { class: 'vt-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'username' }, v('signin.username')), user),
      h('div', { class: 'field' }, h('label', { for: 'password' }, v('signin.password')), pass),
      error,
      h('button', { type: 'submit', class: 'button primary' }, v('signin.submit')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      error.textContent = '';
      void signIn(user.value, pass.value).then(
        async (session) => {
          this.session = session;
          this.needsSignIn = false;
          if (!mayTakeStories(session, this.slug)) {
            this.screen = { kind: 'denied' };
          } else if (this.vault.unlocked) {
            this.screen = this.current.role === null ? { kind: 'role' } : this.current.step;
            void this.sendAll();
          } else {
            this.screen = (await this.vault.isSetUp()) ? { kind: 'unlock' } : { kind: 'setup' };
          }
          this.render(true);
        },
        (e: unknown) => {
          const status = e instanceof ApiError ? e.status : 0;
          error.textContent =
            status === 401
              ? v('signin.failed')
              : status === 429
                ? v('signin.wait', {
                    minutes: Math.max(1, Math.ceil(((e as ApiError).retryAfter ?? 60) / 60)),
                  })
                : v('signin.offline');
          pass.value = '';
          pass.focus();
        },
      );
    });
    main.append(form);
  }

  private gatheringField(): HTMLElement {
    const input = h('input', {
      id: 'gathering',
      type: 'text',
      maxlength: 100,
      autocomplete: 'off',
      'aria-describedby': 'gathering-hint',
    });
    input.value = this.gathering;
    input.addEventListener('input', () => {
      this.gathering = input.value;
      this.persist();
    });
    return h(
      'div',
      { class: 'field' },
      h('label', { for: 'gathering' }, v('setup.gathering')),
      h('p', { class: 'hint', id: 'gathering-hint' }, v('setup.gatheringHint')),
      input,
    );
  }

  private setup(main: HTMLElement): void {
    main.append(this.heading(v('setup.heading')), h('p', { class: 'intro' }, v('setup.intro')));
    const error = h('p', { class: 'error', id: 'pin-error', role: 'alert' });
    const pin = h('input', {
      id: 'pin',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      minlength: MIN_PIN_LENGTH,
      'aria-describedby': 'pin-hint pin-error',
    });
    const again = h('input', {
      id: 'pin-repeat',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      'aria-describedby': 'pin-error',
    });
    const form = h(
      'form',
      { class: 'vt-form', novalidate: true },
      this.gatheringField(),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'pin' }, v('setup.pin')),
        h('p', { class: 'hint', id: 'pin-hint' }, v('setup.pinHint', { min: MIN_PIN_LENGTH })),
        pin,
      ),
      h('div', { class: 'field' }, h('label', { for: 'pin-repeat' }, v('setup.pinRepeat')), again),
      error,
      h('button', { type: 'submit', class: 'button primary' }, v('setup.start')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (pin.value.length < MIN_PIN_LENGTH) {
        error.textContent = v('setup.pinShort', { min: MIN_PIN_LENGTH });
        pin.setAttribute('aria-invalid', 'true');
        pin.focus();
        return;
      }
      if (pin.value !== again.value) {
        error.textContent = v('setup.pinMismatch');
        again.setAttribute('aria-invalid', 'true');
        again.focus();
        return;
      }
      error.textContent = v('unlock.busy');
      // ask the browser not to clear this site's storage when space runs low (it may still say no)
      void navigator.storage?.persist?.().catch(() => false);
      void this.vault.setUp(pin.value).then(() => this.unlocked());
    });
    main.append(form);
  }

  private unlock(main: HTMLElement): void {
    main.append(this.heading(v('unlock.heading')), h('p', { class: 'intro' }, v('unlock.intro')));
    if (this.offlineCopy) {
      main.append(h('p', { class: 'notice', id: 'offline-copy' }, v('offline.copy')));
    }
    const error = h('p', { class: 'error', id: 'pin-error', role: 'alert' });
    const pin = h('input', {
      id: 'pin',
      type: 'password',
      autocomplete: 'off',
      required: true,
      'aria-describedby': 'pin-error',
    });
    const form = h(
      'form',
      { class: 'vt-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'pin' }, v('unlock.pin')), pin),
      error,
      h('button', { type: 'submit', class: 'button primary' }, v('unlock.submit')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      error.textContent = v('unlock.busy');
      void this.vault.unlock(pin.value).then((ok) => {
        if (ok) {
          void this.unlocked();
        } else {
          error.textContent = v('unlock.wrong');
          pin.value = '';
          pin.setAttribute('aria-invalid', 'true');
          pin.focus();
        }
      });
    });
    const forgot = h(
      'details',
      { class: 'vt-forgot' },
      h('summary', {}, v('unlock.forgot')),
      h('p', {}, v('unlock.eraseWarning', { count: this.waiting.length })),
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => void this.erase() },
        v('unlock.erase'),
      ),
    );
    main.append(form, forgot);
  }

  private async erase(): Promise<void> {
    if (!window.confirm(v('unlock.eraseConfirm', { count: this.waiting.length }))) {
      return;
    }
    await this.vault.erase();
    this.current = fresh(currentLanguage());
    this.gathering = '';
    this.problems.clear();
    await this.refreshCount();
    this.screen = { kind: 'setup' };
    this.render(true);
  }

  private roleScreen(main: HTMLElement): void {
    const d = this.definition;
    main.append(this.heading(v('role.heading')), h('p', { class: 'intro' }, v('role.intro')));
    const label = this.gathering.trim();
    main.append(
      h(
        'details',
        { class: 'vt-gathering' },
        h('summary', {}, label === '' ? v('gathering.none') : v('gathering.current', { label })),
        this.gatheringField(),
      ),
    );
    if (d.crisisHelp) {
      main.append(
        h(
          'aside',
          { class: 'crisis', 'aria-labelledby': 'crisis-heading' },
          h('h2', { id: 'crisis-heading' }, t('welcome.crisisTitle')),
          h('p', {}, withPhoneLinks(pick(d.crisisHelp))),
        ),
      );
    }
    main.append(
      h(
        'section',
        { class: 'roles', 'aria-labelledby': 'roles-heading' },
        h('h2', { id: 'roles-heading' }, v('role.choose')),
        h(
          'div',
          { class: 'role-buttons' },
          ...d.roles.map((role) =>
            h(
              'button',
              {
                type: 'button',
                class: 'button role',
                'data-role': role.id,
                onclick: () => this.chooseRole(role.id),
              },
              pick(role.label),
            ),
          ),
        ),
      ),
    );
  }

  private progress(step: number): HTMLElement {
    const total = this.pages().length + 2;
    return h(
      'div',
      { class: 'progress' },
      h('span', { class: 'progress-label', id: 'progress-label' }, t('progress.label', { step, total })),
      h('progress', { max: total, value: step, 'aria-labelledby': 'progress-label' }),
    );
  }

  private story(main: HTMLElement): void {
    const d = this.definition;
    main.append(this.heading(t('story.heading')), this.progress(1));
    const story = storyFields({
      prompt: pick(d.storyPrompt),
      hint: v('story.hint'),
      language: this.current.language,
      text: this.current.text,
      title: this.current.title,
      shortBelow: Math.max(d.completeness.minWords, 10),
      onText: (text) => {
        this.current.text = text;
        this.persist();
      },
      onTitle: (title) => {
        this.current.title = title;
        this.persist();
      },
    });
    main.append(
      ...story.fields,
      this.nav(
        () => this.go({ kind: 'role' }),
        () => {
          if (story.complete()) {
            this.go(this.pages().length > 0 ? { kind: 'questions', page: 0 } : { kind: 'review' });
          }
        },
        this.pages().length > 0 ? t('nav.next') : v('readback.to'),
      ),
    );
  }

  private questions(main: HTMLElement, page: number): void {
    const pages = this.pages();
    const questions = pages[page] ?? [];
    main.append(this.heading(t('questions.heading')), this.progress(page + 2));
    const fields = questionPage(
      questions,
      () => this.current.answers,
      (id, answer) => {
        if (answer === undefined) {
          delete this.current.answers[id];
        } else {
          this.current.answers[id] = answer;
        }
        this.persist();
      },
    );
    main.append(...fields.fields);
    const last = page === pages.length - 1;
    main.append(
      this.nav(
        () => this.go(page === 0 ? { kind: 'story' } : { kind: 'questions', page: page - 1 }),
        () => {
          if (fields.complete()) {
            this.go(last ? { kind: 'review' } : { kind: 'questions', page: page + 1 });
          }
        },
        last ? v('readback.to') : t('nav.next'),
      ),
    );
  }

  private review(main: HTMLElement): void {
    const pages = this.pages();
    const role = this.definition.roles.find((r) => r.id === this.current.role);
    main.append(
      this.heading(v('readback.heading')),
      this.progress(pages.length + 2),
      h('p', { class: 'intro' }, v('readback.intro')),
    );
    main.append(
      reviewStory(
        this.current.title,
        this.current.text,
        () => this.go({ kind: 'story' }),
        h('p', { class: 'hint' }, v('readback.role', { role: role ? pick(role.label) : '' })),
      ),
    );
    const answers = reviewAnswers(pages, this.current.answers, (page) =>
      this.go({ kind: 'questions', page }),
    );
    if (answers !== null) {
      main.append(answers);
    }
    main.append(
      this.nav(
        () => this.go(pages.length > 0 ? { kind: 'questions', page: pages.length - 1 } : { kind: 'story' }),
        () => void this.save(),
        v('readback.save'),
      ),
    );
  }

  private saved(main: HTMLElement): void {
    main.append(
      this.heading(v('saved.heading')),
      h('p', { class: 'intro' }, v('saved.body')),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button primary',
            id: 'next-storyteller',
            onclick: () => this.go({ kind: 'role' }),
          },
          v('saved.next'),
        ),
      ),
    );
  }

  private nav(back: () => void, next: () => void, nextLabel: string): HTMLElement {
    return h(
      'div',
      { class: 'nav' },
      h('button', { type: 'button', class: 'button secondary', onclick: back }, t('nav.back')),
      h('button', { type: 'button', class: 'button primary next', onclick: next }, nextLabel),
    );
  }
}
