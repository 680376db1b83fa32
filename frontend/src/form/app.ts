// The public vertelpunt: welcome and role, the story, the questions a few at a time, review, send.
// The draft lives in localStorage from the first keystroke until the server has acknowledged it.
import { ApiError, submitStory } from '../api';
import { currentLanguage, pick, setLanguage, t } from '../i18n';
import type { Answer, Definition, PublishedStoryPoint, Question } from '../types';
import { h, withPhoneLinks } from './dom';
import { clearDraft, hasContent, newDraft, saveDraft, type Draft, type Step } from './draft';
import { questionPage } from './widgets/questions';
import { reviewAnswers, reviewStory } from './widgets/review';
import { storyFields } from './widgets/story';

const PER_PAGE = 3;

// The receipt code lives only in this screen: it is shown once and never stored in the browser.
type Screen =
  Step | { kind: 'sending' } | { kind: 'failed'; error: ApiError } | { kind: 'thanks'; receiptCode?: string };

export class FormApp {
  private readonly definition: Definition;
  private screen: Screen;
  private sending = false;
  /** What is in the honeypot field: stays empty for people (it is hidden and out of the tab order). */
  private website = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly point: PublishedStoryPoint,
    private draft: Draft,
    private readonly resumable: boolean,
  ) {
    this.definition = point.definition;
    this.screen = { kind: 'welcome' };
    window.addEventListener('popstate', (event) => {
      const step = (event.state as { step?: Step } | null)?.step;
      if (step && this.screen.kind !== 'sending') {
        this.go(step, false);
      }
    });
  }

  start(): void {
    history.replaceState({ step: { kind: 'welcome' } }, '');
    this.render(false);
    // measured by bench/form-page.sh: the form can be used from here on
    performance.mark('vertelpunt-interactive');
  }

  // ---- state -------------------------------------------------------------------------------

  private get slug(): string {
    return this.point.slug;
  }

  private persist(): void {
    saveDraft(this.slug, this.draft);
  }

  private setAnswer(id: string, answer: Answer | undefined): void {
    if (answer === undefined) {
      delete this.draft.answers[id];
    } else {
      this.draft.answers[id] = answer;
    }
    this.persist();
  }

  private questionsForRole(): Question[] {
    const role = this.draft.role;
    return this.definition.questions.filter((q) => role !== null && (!q.roles || q.roles.includes(role)));
  }

  private pages(): Question[][] {
    const questions = this.questionsForRole();
    const pages: Question[][] = [];
    for (let i = 0; i < questions.length; i += PER_PAGE) {
      pages.push(questions.slice(i, i + PER_PAGE));
    }
    return pages;
  }

  private go(step: Step, push = true): void {
    this.screen = step;
    if (this.draft.role !== null) {
      this.draft.step = step;
      this.persist();
    }
    if (push) {
      history.pushState({ step }, '');
    }
    this.render(true);
  }

  private chooseRole(role: string): void {
    if (this.draft.role !== role) {
      // questions meant for the other role no longer apply
      this.draft.role = role;
      const asked = new Set(this.questionsForRole().map((q) => q.id));
      Object.keys(this.draft.answers)
        .filter((id) => !asked.has(id))
        .forEach((id) => delete this.draft.answers[id]);
    }
    this.go({ kind: 'story' });
  }

  private switchLanguage(): void {
    const next = currentLanguage() === 'nl' ? 'en' : 'nl';
    setLanguage(next);
    this.draft.language = next;
    if (hasContent(this.draft) || this.draft.role !== null) {
      this.persist();
    }
    this.render(false);
  }

  private async send(): Promise<void> {
    if (this.sending || this.draft.role === null) {
      return;
    }
    this.sending = true;
    this.screen = { kind: 'sending' };
    this.render(true);
    try {
      const receipt = await submitStory(this.slug, {
        submissionId: this.draft.submissionId,
        role: this.draft.role,
        language: this.draft.language,
        title: this.draft.title.trim() === '' ? undefined : this.draft.title,
        text: this.draft.text,
        answers: this.draft.answers,
        website: this.website === '' ? undefined : this.website,
      });
      clearDraft(this.slug);
      this.draft = newDraft(this.draft.language);
      this.screen = { kind: 'thanks', receiptCode: receipt.receiptCode };
      history.replaceState({ step: { kind: 'welcome' } }, '');
    } catch (error) {
      this.screen = { kind: 'failed', error: error instanceof ApiError ? error : new ApiError('network') };
    } finally {
      this.sending = false;
    }
    this.render(true);
  }

  // ---- rendering ---------------------------------------------------------------------------

  private render(moveFocus: boolean): void {
    document.title = `${this.screenTitle()} – ${pick(this.definition.title)}`;
    const main = h('main', { id: 'main' });
    switch (this.screen.kind) {
      case 'welcome':
        this.welcome(main);
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
      case 'sending':
        this.sendingScreen(main);
        break;
      case 'failed':
        this.failed(main, this.screen.error);
        break;
      case 'thanks':
        this.thanks(main, this.screen.receiptCode);
        break;
    }
    this.root.replaceChildren(this.header(), main);
    if (moveFocus) {
      main.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  private screenTitle(): string {
    switch (this.screen.kind) {
      case 'story':
        return t('story.heading');
      case 'questions':
        return t('questions.heading');
      case 'review':
        return t('review.heading');
      case 'failed':
        return t('failed.heading');
      case 'thanks':
        return t('thanks.heading');
      default:
        return pick(this.definition.title);
    }
  }

  private header(): HTMLElement {
    const offersEnglish = 'en' in this.definition.title;
    const other = currentLanguage() === 'nl' ? 'en' : 'nl';
    return h(
      'header',
      { class: 'top' },
      h('span', { class: 'brand' }, t('app.name')),
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
    );
  }

  private heading(text: string): HTMLHeadingElement {
    return h('h1', { tabindex: -1 }, text);
  }

  private progress(step: number): HTMLElement {
    const total = this.pages().length + 2;
    const label = t('progress.label', { step, total });
    return h(
      'div',
      { class: 'progress' },
      h('span', { class: 'progress-label', id: 'progress-label' }, label),
      h('progress', { max: total, value: step, 'aria-labelledby': 'progress-label' }),
    );
  }

  private welcome(main: HTMLElement): void {
    const d = this.definition;
    main.append(this.heading(pick(d.title)));
    if (d.intro) {
      main.append(h('p', { class: 'intro' }, pick(d.intro)));
    }
    if (this.resumable && hasContent(this.draft) && this.draft.role !== null) {
      main.append(
        h(
          'section',
          { class: 'notice', 'aria-labelledby': 'draft-found' },
          h('p', { id: 'draft-found' }, t('welcome.draftFound')),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'button primary',
                onclick: () =>
                  this.go(this.draft.step.kind === 'welcome' ? { kind: 'story' } : this.draft.step),
              },
              t('welcome.continueDraft'),
            ),
            h(
              'button',
              { type: 'button', class: 'button secondary', onclick: () => this.discard() },
              t('welcome.discardDraft'),
            ),
          ),
        ),
      );
    }
    main.append(
      h(
        'section',
        { class: 'privacy', 'aria-labelledby': 'privacy-heading' },
        h('h2', { id: 'privacy-heading' }, t('welcome.privacyTitle')),
        h('p', {}, d.privacy ? pick(d.privacy) : t('welcome.privacyShort')),
        h('p', {}, t('welcome.draftNote')),
      ),
    );
    main.append(
      h(
        'aside',
        { class: 'crisis', 'aria-labelledby': 'crisis-heading' },
        h('h2', { id: 'crisis-heading' }, t('welcome.crisisTitle')),
        d.crisisHelp ? h('p', {}, withPhoneLinks(pick(d.crisisHelp))) : null,
      ),
    );
    main.append(
      h(
        'section',
        { class: 'roles', 'aria-labelledby': 'roles-heading' },
        h('h2', { id: 'roles-heading' }, t('welcome.chooseRole')),
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

  private discard(): void {
    clearDraft(this.slug);
    this.draft = newDraft(this.draft.language);
    this.render(false);
    const status = h('p', { class: 'status', role: 'status' }, t('welcome.discardConfirm'));
    this.root.querySelector('main')?.prepend(status);
  }

  private story(main: HTMLElement): void {
    const d = this.definition;
    main.append(this.heading(t('story.heading')), this.progress(1));
    const story = storyFields({
      prompt: pick(d.storyPrompt),
      hint: t('story.textHint'),
      language: this.draft.language,
      text: this.draft.text,
      title: this.draft.title,
      shortBelow: Math.max(d.completeness.minWords, 10),
      onText: (text) => {
        this.draft.text = text;
        this.persist();
      },
      onTitle: (title) => {
        this.draft.title = title;
        this.persist();
      },
    });
    // a field people never see: filled in, it marks a robot, and the story API refuses the story
    const trap = h('input', {
      id: 'story-website',
      name: 'website',
      type: 'text',
      tabindex: -1,
      autocomplete: 'off',
    });
    trap.value = this.website;
    trap.addEventListener('input', () => {
      this.website = trap.value;
    });
    main.append(
      ...story.fields,
      h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: 'story-website' }, 'Website'), trap),
      this.nav(
        () => this.go({ kind: 'welcome' }),
        () => {
          if (story.complete()) {
            this.go(this.pages().length > 0 ? { kind: 'questions', page: 0 } : { kind: 'review' });
          }
        },
        this.pages().length > 0 ? t('nav.next') : t('nav.toReview'),
      ),
    );
  }

  private questions(main: HTMLElement, page: number): void {
    const pages = this.pages();
    const questions = pages[page] ?? [];
    main.append(this.heading(t('questions.heading')), this.progress(page + 2));
    if (page === 0) {
      main.append(h('p', { class: 'intro' }, t('questions.intro')));
    }
    const fields = questionPage(
      questions,
      () => this.draft.answers,
      (id, answer) => this.setAnswer(id, answer),
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
        last ? t('nav.toReview') : t('nav.next'),
      ),
    );
  }

  private review(main: HTMLElement): void {
    const pages = this.pages();
    main.append(
      this.heading(t('review.heading')),
      this.progress(pages.length + 2),
      h('p', { class: 'intro' }, t('review.intro')),
    );
    main.append(reviewStory(this.draft.title, this.draft.text, () => this.go({ kind: 'story' })));
    const answers = reviewAnswers(pages, this.draft.answers, (page) => this.go({ kind: 'questions', page }));
    if (answers !== null) {
      main.append(answers);
    }
    main.append(
      this.nav(
        () => this.go(pages.length > 0 ? { kind: 'questions', page: pages.length - 1 } : { kind: 'story' }),
        () => void this.send(),
        t('review.submit'),
      ),
    );
  }

  private sendingScreen(main: HTMLElement): void {
    main.append(
      this.heading(t('review.heading')),
      h('p', { class: 'status', role: 'status' }, t('review.sending')),
    );
  }

  private failed(main: HTMLElement, error: ApiError): void {
    main.append(this.heading(t('failed.heading')));
    if (error.kind === 'invalid') {
      main.append(
        h('p', { role: 'alert' }, t('failed.invalid')),
        h('ul', {}, ...(error.problem?.errors ?? []).map((e) => h('li', {}, `${e.field}: ${e.message}`))),
      );
    } else {
      main.append(
        h('p', { role: 'alert' }, error.kind === 'network' ? t('failed.network') : t('failed.server')),
      );
    }
    main.append(
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button primary', onclick: () => void this.send() },
          t('failed.retry'),
        ),
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => this.go({ kind: 'review' }) },
          t('failed.back'),
        ),
      ),
    );
  }

  private thanks(main: HTMLElement, receiptCode: string | undefined): void {
    main.append(this.heading(t('thanks.heading')), h('p', { class: 'intro' }, t('thanks.body')));
    if (receiptCode) {
      main.append(
        h(
          'section',
          { class: 'notice receipt', 'aria-labelledby': 'receipt-heading' },
          h('h2', { id: 'receipt-heading' }, t('receipt.heading')),
          h('p', { class: 'receipt-code', id: 'receipt-code' }, receiptCode),
          h('p', {}, t('receipt.keep')),
          h(
            'p',
            { class: 'hint' },
            t('receipt.once'),
            ' ',
            h('a', { href: `/v/${encodeURIComponent(this.slug)}/intrekken` }, t('receipt.howTo')),
          ),
        ),
      );
    }
    main.append(
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button primary', onclick: () => this.go({ kind: 'welcome' }) },
          t('thanks.another'),
        ),
        h(
          'a',
          { class: 'button secondary', href: `/v/${encodeURIComponent(this.slug)}/verhalen` },
          t('thanks.whatHappens'),
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
