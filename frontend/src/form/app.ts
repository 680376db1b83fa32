// The public vertelpunt: welcome and role, the story, the questions a few at a time, review, send.
// The draft lives in localStorage from the first keystroke until the server has acknowledged it. The questions
// are worded for the chosen role and numbered without gaps (wording.ts). Every new screen starts at the top with
// the focus on its heading; nothing on a screen moves by itself (room for hints and messages is kept).
import { ApiError, submitStory } from '../api';
import { pick, t } from '../i18n';
import type { Answer, Definition, PublishedStoryPoint, Question } from '../types';
import { h, withPhoneLinks } from './dom';
import { clearDraft, hasContent, newDraft, saveDraft, type Draft, type Step } from './draft';
import { pageUrl, topBar } from './header';
import { keepReceipt, pendingReceipt, receiptBox } from './receipt';
import { questionPage } from './widgets/questions';
import { reviewAnswers, reviewStory } from './widgets/review';
import { storyFields } from './widgets/story';
import { questionsFor } from './wording';

const PER_PAGE = 3;

// The receipt code of the story just sent is in this screen, and in this tab's sessionStorage until the
// storyteller says they saved it (receipt.ts); the thank-you page is in the history, so Back finds it again.
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
      const step = (event.state as { step?: Step | { kind: 'thanks' } } | null)?.step;
      if (step && this.screen.kind !== 'sending') {
        this.restore(step, true);
      }
    });
  }

  start(): void {
    // Back from the withdrawal page (or a reload) on the thank-you page comes here: show it again, with the code
    // (unless a new story is on its way: then the welcome page offers to go on with it, and shows the code)
    const step = (history.state as { step?: Step | { kind: 'thanks' } } | null)?.step;
    if (step?.kind === 'thanks' && !(this.resumable && hasContent(this.draft))) {
      this.restore(step, false);
    } else {
      history.replaceState({ step: { kind: 'welcome' } }, '');
      this.render(false);
    }
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

  /** The questions for the chosen role, in its wording and numbered as the storyteller sees them. */
  private questionsForRole(): Question[] {
    return questionsFor(this.definition, this.draft.role);
  }

  private pages(): Question[][] {
    const questions = this.questionsForRole();
    const pages: Question[][] = [];
    for (let i = 0; i < questions.length; i += PER_PAGE) {
      pages.push(questions.slice(i, i + PER_PAGE));
    }
    return pages;
  }

  /** A screen from the history: the thank-you page, or a step (the welcome page when it needs a role not chosen). */
  private restore(step: Step | { kind: 'thanks' }, moveFocus: boolean): void {
    if (step.kind === 'thanks') {
      this.screen = { kind: 'thanks', receiptCode: pendingReceipt(this.slug) ?? undefined };
      this.render(moveFocus);
    } else if (step.kind !== 'welcome' && this.draft.role === null) {
      this.screen = { kind: 'welcome' };
      this.render(moveFocus);
    } else {
      this.go(step, false);
    }
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

  private switchLanguage(next: string): void {
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
      if (receipt.receiptCode) {
        keepReceipt(this.slug, receipt.receiptCode);
      }
      this.screen = { kind: 'thanks', receiptCode: receipt.receiptCode };
      history.replaceState({ step: { kind: 'thanks' } }, '');
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
        this.story(main, this.screen.toReview === true);
        break;
      case 'questions':
        this.questions(main, this.screen.page, this.screen.toReview ? (this.screen.focus ?? '') : null);
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
    this.root.replaceChildren(
      topBar(this.definition, (language) => this.switchLanguage(language)),
      main,
    );
    if (moveFocus) {
      this.focus(main);
    }
  }

  /**
   * A new screen starts at its top with the focus on its heading, where a screen reader starts reading. After
   * "Wijzig" on the review, the focus goes to what is to be changed, and back on the review to its answer.
   */
  private focus(main: HTMLElement): void {
    const screen = this.screen;
    const target =
      screen.kind === 'questions' && screen.focus
        ? main.querySelector<HTMLElement>(
            `#q-${CSS.escape(screen.focus)} :is(input, textarea, [tabindex="0"])`,
          )
        : screen.kind === 'story' && screen.toReview
          ? main.querySelector<HTMLElement>('#story-text')
          : screen.kind === 'review' && screen.changed
            ? main.querySelector<HTMLElement>(`[data-change="${CSS.escape(screen.changed)}"]`)
            : null;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    } else {
      window.scrollTo(0, 0);
      main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
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
    // the code of a story sent earlier in this tab, not yet saved: it stays until the storyteller has it
    const code = pendingReceipt(this.slug);
    if (code !== null) {
      main.append(receiptBox(d, code, t('receipt.pendingHeading')));
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

  private story(main: HTMLElement, toReview: boolean): void {
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
            this.go(
              this.pages().length > 0 && !toReview
                ? { kind: 'questions', page: 0 }
                : { kind: 'review', changed: toReview ? 'story' : undefined },
            );
          }
        },
        this.pages().length > 0 && !toReview ? t('nav.next') : t('nav.toReview'),
      ),
    );
  }

  /** A page of questions; {@code changing}: opened with "Wijzig" on the review, for this question. */
  private questions(main: HTMLElement, page: number, changing: string | null): void {
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
    // a page opened with "Wijzig" on the review leads back to it
    const last = page === pages.length - 1 || changing !== null;
    main.append(
      this.nav(
        () => this.go(page === 0 ? { kind: 'story' } : { kind: 'questions', page: page - 1 }),
        () => {
          if (fields.complete()) {
            this.go(
              last
                ? { kind: 'review', changed: changing ?? undefined }
                : { kind: 'questions', page: page + 1 },
            );
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
    main.append(
      reviewStory(this.draft.title, this.draft.text, () => this.go({ kind: 'story', toReview: true })),
    );
    const answers = reviewAnswers(pages, this.draft.answers, (page, question) =>
      this.go({ kind: 'questions', page, toReview: true, focus: question }),
    );
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
      main.append(receiptBox(this.definition, receiptCode, t('receipt.heading')));
    } else {
      // the code is saved (or this tab never had it): the way to use it stays
      main.append(h('p', {}, h('a', { href: pageUrl(this.slug, 'intrekken') }, t('receipt.howTo'))));
    }
    main.append(
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => this.go({ kind: 'welcome' }) },
          t('thanks.another'),
        ),
        h('a', { class: 'button secondary', href: pageUrl(this.slug, 'verhalen') }, t('thanks.whatHappens')),
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
