// The story screen's fields, shared by the public form and the verteltafel: the prompt over a large text
// area, a gentle hint while the story is still very short (never a hard limit), and the optional title.
// The hint and the "write your story first" error have their room under the text area from the start, so
// that neither pushes the title and "Verder" down when it appears (a tap meant for "Verder" would miss).
import { t } from '../../i18n';
import { h, reserved } from '../dom';

export interface StoryInput {
  /** The story point's prompt, as the text area's label. */
  prompt: string;
  /** The hint under the prompt. */
  hint: string;
  language: string;
  text: string;
  title: string;
  /** Below this many words the gentle hint says that a little more is welcome. */
  shortBelow: number;
  onText(text: string): void;
  onTitle(title: string): void;
}

export interface StoryFields {
  /** The fields, in order. */
  fields: HTMLElement[];
  /** Marks an empty story and focuses it; true when there is a story. */
  complete(): boolean;
}

export function storyFields(input: StoryInput): StoryFields {
  const short = h('p', { class: 'hint gentle', id: 'story-short', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', id: 'story-error', hidden: true }, t('story.required'));
  const text = h('textarea', {
    id: 'story-text',
    rows: 10,
    maxlength: 20000,
    required: true,
    lang: input.language,
    autocomplete: 'off',
    'aria-describedby': 'story-hint story-short story-error',
  });
  text.value = input.text;
  const title = h('input', {
    id: 'story-title',
    type: 'text',
    maxlength: 200,
    autocomplete: 'off',
    'aria-describedby': 'title-hint',
  });
  title.value = input.title;
  const updateShort = (): void => {
    const words = text.value.trim() === '' ? 0 : text.value.trim().split(/\s+/).length;
    short.textContent = words > 0 && words < input.shortBelow ? t('story.short') : '';
  };
  text.addEventListener('input', () => {
    input.onText(text.value);
    if (text.value.trim() !== '') {
      error.hidden = true;
      text.removeAttribute('aria-invalid');
    }
  });
  text.addEventListener('blur', updateShort);
  text.addEventListener('input', debounce(updateShort, 800));
  title.addEventListener('input', () => input.onTitle(title.value));
  updateShort();
  return {
    fields: [
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'story-text', class: 'prompt' }, input.prompt),
        h('p', { class: 'hint', id: 'story-hint' }, input.hint),
        text,
        reserved(
          [short, error],
          [
            [short, t('story.short')],
            [error, t('story.required')],
          ],
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'story-title' }, t('story.titleLabel')),
        h('p', { class: 'hint', id: 'title-hint' }, t('story.titleHint')),
        title,
      ),
    ],
    complete: () => {
      if (text.value.trim() !== '') {
        return true;
      }
      error.hidden = false;
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return false;
    },
  };
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}
