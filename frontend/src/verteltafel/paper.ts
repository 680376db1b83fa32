// Quick entry of paper forms (channel papier): every field of a form on one page, made for typing a
// stack of forms in fast with the keyboard alone. Sliders are typed as numbers 0..100 (as measured on the
// paper's line), triads as three shares. Ctrl+Enter (or the button) saves and clears the form for the
// next one; the day written on the form and the gathering stay.
import { ApiError } from '../api';
import { currentLanguage, pick, setLanguage, t } from '../i18n';
import { h } from '../form/dom';
import { newSubmissionId } from '../form/draft';
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

interface Entry {
  question: Question;
  element: HTMLFieldSetElement;
  /** The answer as typed: undefined when empty; a text with the reason when it cannot be an answer. */
  read(): { answer?: Answer; problem?: string };
  clear(): void;
}

export class PaperApp {
  private readonly definition: Definition;
  private session: Session | null = null;
  private submissionId = newSubmissionId();
  private saved = 0;
  private sending = false;
  private toldOn = today();
  private gathering = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly point: PublishedStoryPoint,
  ) {
    this.definition = point.definition;
  }

  private get slug(): string {
    return this.point.slug;
  }

  async start(): Promise<void> {
    try {
      this.session = await currentSession();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.signin();
        return;
      }
      this.frame(v('paper.heading'), h('p', { role: 'alert' }, v('paper.offline')));
      return;
    }
    this.afterSignIn();
  }

  private afterSignIn(): void {
    if (this.session && !mayTakeStories(this.session, this.slug)) {
      this.frame(v('denied.heading'), h('p', {}, v('denied.body')));
      return;
    }
    this.form();
  }

  private frame(title: string, ...content: (Node | null)[]): HTMLElement {
    const other = currentLanguage() === 'nl' ? 'en' : 'nl';
    const main = h('main', { id: 'main' }, h('h1', { tabindex: -1 }, title), ...content);
    document.title = `${title} – ${pick(this.definition.title)}`;
    this.root.replaceChildren(
      h(
        'header',
        { class: 'top vt-top' },
        h(
          'div',
          { class: 'vt-brand' },
          h('span', { class: 'brand' }, v('paper.brand')),
          h('span', { class: 'vt-point' }, pick(this.definition.title)),
        ),
        'en' in this.definition.title
          ? h(
              'button',
              {
                type: 'button',
                class: 'link lang',
                lang: other,
                'aria-label': t('lang.switchLabel'),
                onclick: () => {
                  setLanguage(other);
                  void this.start();
                },
              },
              t('lang.switch'),
            )
          : null,
      ),
      main,
    );
    main.querySelector('h1')?.focus();
    return main;
  }

  private signin(): void {
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
      void signIn(user.value, pass.value).then(
        (session) => {
          this.session = session;
          this.afterSignIn();
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
    this.frame(v('paper.signinHeading'), form);
  }

  private form(): void {
    const d = this.definition;
    const status = h('p', { class: 'status', id: 'paper-status', role: 'status' });
    const summary = h('div', { class: 'error-summary', id: 'paper-errors', tabindex: -1, hidden: true });

    const date = h('input', {
      id: 'told-on',
      type: 'date',
      required: true,
      max: today(),
      'aria-describedby': 'told-on-hint',
    });
    date.value = this.toldOn;
    date.addEventListener('input', () => {
      this.toldOn = date.value;
    });
    const gathering = h('input', {
      id: 'gathering',
      type: 'text',
      maxlength: 100,
      autocomplete: 'off',
      'aria-describedby': 'gathering-hint',
    });
    gathering.value = this.gathering;
    gathering.addEventListener('input', () => {
      this.gathering = gathering.value;
    });

    const roles = d.roles.map((role) =>
      h('input', { type: 'radio', name: 'role', id: `role-${role.id}`, value: role.id }),
    );
    const roleSet = h(
      'fieldset',
      { class: 'question paper-role', id: 'paper-role' },
      h('legend', {}, v('paper.role')),
      h(
        'div',
        { class: 'paper-inline' },
        ...d.roles.map((role, i) =>
          h('div', { class: 'check' }, roles[i], h('label', { for: `role-${role.id}` }, pick(role.label))),
        ),
      ),
    );
    const text = h('textarea', {
      id: 'story-text',
      rows: 8,
      maxlength: 20000,
      required: true,
      autocomplete: 'off',
    });
    const title = h('input', { id: 'story-title', type: 'text', maxlength: 200, autocomplete: 'off' });
    const language = h(
      'select',
      { id: 'story-language' },
      ...Object.keys(d.title).map((code) =>
        h('option', { value: code }, code === 'nl' ? 'Nederlands' : code === 'en' ? 'English' : code),
      ),
    );
    language.value = 'nl';

    // a stones question is not on the paper form (it says so there): nothing to type in
    const entries = d.questions.filter((q) => q.type !== 'stones').map((q) => this.entry(q));
    const showForRole = () => {
      const role = roles.find((r) => r.checked)?.value ?? null;
      entries.forEach((e) => {
        e.element.hidden =
          role !== null && e.question.roles !== undefined && !e.question.roles.includes(role);
      });
    };
    roles.forEach((r) => r.addEventListener('change', showForRole));

    const clear = () => {
      roles.forEach((r) => {
        r.checked = false;
      });
      text.value = '';
      title.value = '';
      language.value = 'nl';
      entries.forEach((e) => e.clear());
      showForRole();
      this.submissionId = newSubmissionId();
    };

    const save = async () => {
      if (this.sending) {
        return;
      }
      const problems: { id: string; field: string; message: string }[] = [];
      const role = roles.find((r) => r.checked)?.value;
      if (!role) {
        problems.push({
          id: roles[0]?.id ?? 'paper-role',
          field: v('paper.role'),
          message: v('paper.required'),
        });
      }
      if (text.value.trim() === '') {
        problems.push({ id: 'story-text', field: v('paper.text'), message: v('paper.required') });
      }
      if (date.value === '') {
        problems.push({ id: 'told-on', field: v('paper.toldOn'), message: v('paper.required') });
      }
      const answers: Record<string, Answer> = {};
      entries
        .filter((e) => !e.element.hidden)
        .forEach((e) => {
          const read = e.read();
          if (read.problem) {
            problems.push({
              id: e.element.querySelector('input, textarea')?.id ?? e.element.id,
              field: `${e.question.number}. ${pick(e.question.label)}`,
              message: read.problem,
            });
          } else if (read.answer !== undefined) {
            answers[e.question.id] = read.answer;
          }
        });
      if (problems.length > 0) {
        this.showProblems(summary, problems);
        return;
      }
      const story: InPersonStory = {
        submissionId: this.submissionId,
        channel: 'papier',
        role: role as string,
        language: language.value,
        title: title.value.trim() === '' ? undefined : title.value,
        text: text.value,
        answers,
        gathering: gathering.value.trim() === '' ? undefined : gathering.value.trim(),
        toldOn: date.value,
      };
      this.sending = true;
      status.textContent = v('paper.saving');
      try {
        await sendStory(this.slug, story);
        this.saved += 1;
        summary.hidden = true;
        clear();
        status.textContent = v('paper.saved', { count: this.saved });
        roles[0]?.focus();
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError('network');
        if (e.status === 401) {
          status.textContent = '';
          this.showProblems(summary, [
            { id: 'paper-save', field: v('paper.session'), message: v('signin.expired') },
          ]);
          this.session = null;
        } else if (e.kind === 'invalid' && e.problem?.errors?.length) {
          this.showProblems(
            summary,
            e.problem.errors.map((fe) => ({
              id: this.fieldId(fe.field, entries),
              field: this.fieldName(fe.field),
              message: fe.message,
            })),
          );
          status.textContent = '';
        } else {
          status.textContent = '';
          this.showProblems(summary, [
            {
              id: 'paper-save',
              field: v('paper.save'),
              message: e.kind === 'invalid' ? (e.problem?.detail ?? '') : v('paper.notSent'),
            },
          ]);
        }
      } finally {
        this.sending = false;
      }
    };

    const form = h(
      'form',
      { class: 'paper-form', novalidate: true, 'aria-describedby': 'paper-keys' },
      h(
        'div',
        { class: 'paper-row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'told-on' }, v('paper.toldOn')),
          h('p', { class: 'hint', id: 'told-on-hint' }, v('paper.toldOnHint')),
          date,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'gathering' }, v('setup.gathering')),
          h('p', { class: 'hint', id: 'gathering-hint' }, v('setup.gatheringHint')),
          gathering,
        ),
      ),
      roleSet,
      h('div', { class: 'field' }, h('label', { for: 'story-text' }, v('paper.text')), text),
      h(
        'div',
        { class: 'paper-row' },
        h('div', { class: 'field' }, h('label', { for: 'story-title' }, v('paper.title')), title),
        h('div', { class: 'field' }, h('label', { for: 'story-language' }, v('paper.language')), language),
      ),
      ...entries.map((e) => e.element),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button primary', id: 'paper-save' }, v('paper.save')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void save();
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void save();
      }
    });
    this.frame(
      v('paper.heading'),
      h('p', { class: 'intro' }, v('paper.intro')),
      h('p', { class: 'hint', id: 'paper-keys' }, v('paper.keys')),
      status,
      summary,
      form,
    );
    showForRole();
  }

  private showProblems(
    summary: HTMLElement,
    problems: { id: string; field: string; message: string }[],
  ): void {
    summary.replaceChildren(
      h('h2', {}, v('paper.problems')),
      h(
        'ul',
        {},
        ...problems.map((p) => h('li', {}, h('a', { href: `#${p.id}` }, `${p.field}: ${p.message}`))),
      ),
    );
    summary.hidden = false;
    summary.focus();
  }

  private fieldId(field: string, entries: Entry[]): string {
    if (field === 'role') {
      return `role-${this.definition.roles[0]?.id}`;
    }
    if (field === 'text' || field === 'title') {
      return `story-${field}`;
    }
    if (field === 'toldOn') {
      return 'told-on';
    }
    if (field === 'gathering') {
      return 'gathering';
    }
    const id = field.replace(/^answers\./, '').split(/[.[]/)[0];
    return (
      entries.find((e) => e.question.id === id)?.element.querySelector('input, textarea')?.id ?? 'paper-save'
    );
  }

  private fieldName(field: string): string {
    const id = field.replace(/^answers\./, '').split(/[.[]/)[0];
    const q = this.definition.questions.find((x) => x.id === id);
    return q && field.startsWith('answers.') ? `${q.number}. ${pick(q.label)}` : field;
  }

  /** One question, compact: radios and check boxes in a row, numbers for sliders and triads. */
  private entry(q: Question): Entry {
    const legend = h('legend', {}, h('span', { class: 'qnum' }, `${q.number}. `), pick(q.label));
    const element = h(
      'fieldset',
      { class: `question paper-question paper-${q.type}`, id: `q-${q.id}`, 'data-question': q.id },
      legend,
    );
    const body = h('div', { class: 'paper-inline' });
    element.append(body);
    const options = (q.options ?? []).filter((o) => !o.retired);
    switch (q.type) {
      case 'choice': {
        const inputs = options.map((o) =>
          h('input', { type: 'radio', name: `q-${q.id}`, id: `q-${q.id}-${o.id}`, value: o.id }),
        );
        options.forEach((o, i) =>
          body.append(
            h('div', { class: 'check' }, inputs[i], h('label', { for: `q-${q.id}-${o.id}` }, pick(o.label))),
          ),
        );
        return {
          question: q,
          element,
          read: () => ({ answer: inputs.find((i) => i.checked)?.value }),
          clear: () =>
            inputs.forEach((i) => {
              i.checked = false;
            }),
        };
      }
      case 'multichoice': {
        const inputs = options.map((o) =>
          h('input', { type: 'checkbox', id: `q-${q.id}-${o.id}`, value: o.id }),
        );
        options.forEach((o, i) =>
          body.append(
            h('div', { class: 'check' }, inputs[i], h('label', { for: `q-${q.id}-${o.id}` }, pick(o.label))),
          ),
        );
        if (q.max) {
          element.insertBefore(h('p', { class: 'hint' }, t('questions.maxHint', { max: q.max })), body);
        }
        return {
          question: q,
          element,
          read: () => {
            const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
            if (q.max && chosen.length > q.max) {
              return { problem: v('paper.tooMany', { max: q.max }) };
            }
            return { answer: chosen.length > 0 ? chosen : undefined };
          },
          clear: () =>
            inputs.forEach((i) => {
              i.checked = false;
            }),
        };
      }
      case 'slider': {
        const hintId = `q-${q.id}-hint`;
        const input = h('input', {
          type: 'number',
          id: `q-${q.id}-input`,
          min: 0,
          max: 100,
          step: 1,
          inputmode: 'numeric',
          class: 'paper-number',
          'aria-describedby': hintId,
        });
        body.append(
          h(
            'div',
            { class: 'field-inline' },
            h('label', { for: `q-${q.id}-input` }, v('paper.sliderValue')),
            input,
          ),
        );
        element.insertBefore(
          h(
            'p',
            { class: 'hint', id: hintId },
            v('paper.sliderHint', { left: pick(q.left), right: pick(q.right) }),
          ),
          body,
        );
        let na: HTMLInputElement | null = null;
        if (q.notApplicable) {
          na = h('input', { type: 'checkbox', id: `q-${q.id}-na` });
          body.append(
            h('div', { class: 'check' }, na, h('label', { for: `q-${q.id}-na` }, t('slider.notApplicable'))),
          );
        }
        return {
          question: q,
          element,
          read: () => {
            if (na?.checked) {
              return input.value.trim() === '' ? { answer: 'NA' } : { problem: v('paper.sliderBoth') };
            }
            if (input.value.trim() === '') {
              return {};
            }
            const n = Number(input.value);
            return Number.isInteger(n) && n >= 0 && n <= 100
              ? { answer: n }
              : { problem: v('paper.sliderRange') };
          },
          clear: () => {
            input.value = '';
            if (na) {
              na.checked = false;
            }
          },
        };
      }
      case 'triad': {
        const corners = (q.corners ?? []).map((c) => pick(c));
        const inputs = corners.map((_, i) =>
          h('input', {
            type: 'number',
            id: `q-${q.id}-${i}`,
            min: 0,
            max: 100,
            step: 1,
            inputmode: 'numeric',
            class: 'paper-number',
          }),
        );
        corners.forEach((c, i) =>
          body.append(
            h('div', { class: 'field-inline' }, h('label', { for: `q-${q.id}-${i}` }, `${c} (%)`), inputs[i]),
          ),
        );
        element.insertBefore(h('p', { class: 'hint' }, v('paper.triadHint')), body);
        return {
          question: q,
          element,
          read: () => {
            const filled = inputs.filter((i) => i.value.trim() !== '');
            if (filled.length === 0) {
              return {};
            }
            const shares = inputs.map((i) => Number(i.value === '' ? 'x' : i.value));
            if (
              shares.some((s) => !Number.isInteger(s) || s < 0 || s > 100) ||
              shares.reduce((a, b) => a + b, 0) !== 100
            ) {
              return { problem: v('paper.triadSum') };
            }
            return { answer: shares };
          },
          clear: () =>
            inputs.forEach((i) => {
              i.value = '';
            }),
        };
      }
      default: {
        const area = h('textarea', {
          id: `q-${q.id}-input`,
          rows: 2,
          maxlength: 1000,
          'aria-label': pick(q.label),
        });
        body.append(area);
        return {
          question: q,
          element,
          read: () => ({ answer: area.value.trim() === '' ? undefined : area.value }),
          clear: () => {
            area.value = '';
          },
        };
      }
    }
  }
}
