// The table page (/t/{token}): everything a table of a sense-making session works with, for participants
// without an account. Several laptops or phones at one table see each other's notes: the page asks again
// every 10 seconds and when it gets the focus back, and redraws only what changed. Nothing about the
// device is stored; the language choice lives in the address only.
import { ApiError } from '../api';
import { h } from '../form/dom';
import { currentLanguage, formatDay, setLanguage } from '../lang';
import type { ProposalInput } from '../session/types';
import * as api from './api';
import { drawBoard } from './board';
import { cardArticle, kindLabel, noteForm, storyArticle } from './cards';
import { enableDrag } from './drag';
import type { NoteInput, TableView } from './model';
import { proposalForm } from './proposalform';
import { tt } from './texts';

const REFRESH_MS = 10_000;

export class TableApp {
  private view: TableView | null = null;
  private boardSignature = '';
  private materialSignature = '';
  private dragging = false;
  private stopped = false;
  private timer: number | undefined;
  private readonly main = h('main', { id: 'main', tabindex: -1 });
  private readonly board = h('div', { class: 'board', id: 'board' });
  private readonly material = h('div', { class: 'material' });
  private readonly syncLine = h('p', { class: 'sync', id: 'sync' });
  private readonly news = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'news' });
  private proposals = proposalForm((id, input) => this.saveProposal(id, input));

  constructor(
    private readonly root: HTMLElement,
    private readonly token: string,
  ) {}

  async start(): Promise<void> {
    enableDrag(this.board, {
      drop: (noteId, proposalId) => void this.move(noteId, proposalId, true),
      dragging: (active) => {
        this.dragging = active;
      },
    });
    await this.load(true);
    const again = () => {
      if (!document.hidden) void this.load(false);
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    this.timer = window.setInterval(again, REFRESH_MS);
  }

  private async load(first: boolean): Promise<void> {
    if (this.stopped || (this.dragging && !first)) return;
    let next: TableView;
    try {
      next = await api.table(this.token);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
        this.stop(error.status === 410 ? 'expired' : 'unknown');
      } else if (first) {
        this.failed();
      } else {
        this.syncLine.textContent = tt('sync.offline');
        this.syncLine.classList.add('error');
      }
      return;
    }
    if (this.dragging && !first) return;
    const before = this.view;
    this.view = next;
    if (first || this.main.parentElement === null) {
      this.frame();
    }
    const material = JSON.stringify([
      next.cards.map((c) => [c.id, c.version]),
      next.stories.map((s) => s.id),
      currentLanguage(),
    ]);
    if (material !== this.materialSignature) {
      this.materialSignature = material;
      this.drawMaterial();
    }
    const board = JSON.stringify([next.notes, next.proposals, currentLanguage()]);
    if (board !== this.boardSignature) {
      this.boardSignature = board;
      this.drawBoard();
      if (before && !first) {
        const added = next.notes.filter((n) => !before.notes.some((m) => m.id === n.id)).length;
        const proposals = next.proposals.length - before.proposals.length;
        this.news.textContent =
          added > 0 || proposals > 0
            ? tt('sync.news', { notes: added, proposals: Math.max(0, proposals) })
            : tt('sync.changed');
      }
    }
    this.syncLine.classList.remove('error');
    this.syncLine.textContent = tt('sync.at', {
      time: new Date().toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    });
  }

  /** The page around the table: header, title, where and when, and the three parts. */
  private frame(): void {
    const v = this.view;
    if (!v) return;
    document.title = `${v.table} – ${v.session}`;
    const other = currentLanguage() === 'nl' ? 'en' : 'nl';
    const where = [formatDay(v.heldOn), v.online ? tt('meta.online') : (v.place ?? '')]
      .filter(Boolean)
      .join(' · ');
    const general = noteForm('general', null, v.cards, (note) => this.addNote(note));
    this.main.replaceChildren(
      h('h1', { tabindex: -1 }, v.table),
      h('p', { class: 'meta' }, `${v.session} · ${where}`),
      h('p', { class: 'intro' }, tt('intro')),
      h(
        'nav',
        { class: 'jump', 'aria-label': tt('jump.label') },
        h('a', { href: '#kaarten' }, tt('jump.cards', { count: v.cards.length })),
        h('a', { href: '#verhalen' }, tt('jump.stories', { count: v.stories.length })),
        h('a', { href: '#notities' }, tt('jump.notes')),
      ),
      this.syncLine,
      this.material,
      h(
        'section',
        { id: 'notities', class: 'notes-section', 'aria-labelledby': 'notes-heading' },
        h('h2', { id: 'notes-heading' }, tt('board.title')),
        h('p', {}, tt('board.intro')),
        h(
          'details',
          { class: 'add-note-box general-note' },
          h('summary', {}, tt('note.addGeneral')),
          general,
        ),
        this.board,
        this.proposals.element,
      ),
      this.news,
    );
    this.root.replaceChildren(
      h(
        'header',
        { class: 'top' },
        h('span', { class: 'brand' }, tt('app.name')),
        h(
          'button',
          {
            type: 'button',
            class: 'link lang',
            lang: other,
            'aria-label': tt('lang.switchLabel'),
            onclick: () => this.switchLanguage(),
          },
          tt('lang.switch'),
        ),
      ),
      this.main,
    );
  }

  private drawMaterial(): void {
    const v = this.view;
    if (!v) return;
    // keep notes being typed in the card forms
    const typed = new Map<string, string>();
    this.material.querySelectorAll<HTMLTextAreaElement>('textarea').forEach((t) => typed.set(t.id, t.value));
    this.material.replaceChildren(
      h(
        'section',
        { id: 'kaarten', 'aria-labelledby': 'cards-heading' },
        h('h2', { id: 'cards-heading' }, tt('cards.title', { count: v.cards.length })),
        v.cards.length === 0 ? h('p', {}, tt('cards.none')) : null,
        ...v.cards.map((card, i) => cardArticle(this.token, card, i, (note) => this.addNote(note))),
      ),
      h(
        'section',
        { id: 'verhalen', 'aria-labelledby': 'stories-heading' },
        h('h2', { id: 'stories-heading' }, tt('stories.title', { count: v.stories.length })),
        v.stories.length === 0 ? h('p', {}, tt('stories.none')) : null,
        ...v.stories.map((s, i) => storyArticle(s, i)),
      ),
    );
    typed.forEach((value, id) => {
      const t = document.getElementById(id);
      if (t instanceof HTMLTextAreaElement) t.value = value;
    });
    this.drawCardNotes();
  }

  private drawBoard(): void {
    const v = this.view;
    if (!v) return;
    drawBoard(this.board, v, {
      move: (noteId, proposalId) => this.move(noteId, proposalId, false),
      remove: async (noteId) => {
        await api.deleteNote(this.token, noteId);
        this.news.textContent = tt('board.deleted');
        await this.load(false);
        this.board.querySelector<HTMLElement>('#loose-heading')?.focus();
      },
      edit: (proposal) => this.proposals.edit(proposal),
    });
    this.proposals.notes(v.notes.filter((n) => n.proposalId === null));
    this.drawCardNotes();
  }

  /** Under each card, the notes written about it. */
  private drawCardNotes(): void {
    const v = this.view;
    if (!v) return;
    this.material.querySelectorAll<HTMLElement>('[data-card-notes]').forEach((box) => {
      const notes = v.notes.filter((n) => n.cardId === box.dataset.cardNotes);
      box.replaceChildren(
        ...(notes.length === 0
          ? []
          : [
              h('p', { class: 'card-notes-title' }, tt('cards.notes', { count: notes.length })),
              h(
                'ul',
                { class: 'card-note-list' },
                ...notes.map((n) =>
                  h('li', {}, h('span', { class: 'note-kind' }, `${kindLabel(n.kind)} `), n.text),
                ),
              ),
            ]),
      );
    });
  }

  private async addNote(note: NoteInput): Promise<void> {
    try {
      await api.addNote(this.token, note);
    } catch (error) {
      this.handle(error);
      throw error;
    }
    this.news.textContent = tt('note.added');
    await this.load(false);
  }

  private async move(noteId: number, proposalId: string | null, dragged: boolean): Promise<void> {
    try {
      await api.moveNote(this.token, noteId, proposalId);
    } catch (error) {
      this.handle(error);
      throw error;
    }
    const title = this.view?.proposals.find((p) => p.id === proposalId)?.title;
    await this.load(false);
    this.news.textContent = title ? tt('board.moved', { title }) : tt('board.movedOut');
    if (!dragged) {
      // the keyboard user follows the note to its new place
      this.board.querySelector<HTMLElement>(`[data-note="${noteId}"] select`)?.focus();
    }
  }

  private async saveProposal(id: string | null, input: ProposalInput): Promise<void> {
    try {
      if (id === null) {
        await api.addProposal(this.token, input);
      } else {
        await api.editProposal(this.token, id, input);
      }
    } catch (error) {
      this.handle(error);
      throw error;
    }
    await this.load(false);
  }

  /** A link that stopped working while the page was open ends the page; other problems are left to the caller. */
  private handle(error: unknown): void {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      this.stop(error.status === 410 ? 'expired' : 'unknown');
    }
  }

  private switchLanguage(): void {
    setLanguage(currentLanguage() === 'nl' ? 'en' : 'nl');
    const url = new URL(location.href);
    if (currentLanguage() === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    history.replaceState(null, '', url.pathname + url.search);
    // the proposal form in the new language, with what was being written
    const writing = this.proposals.snapshot();
    this.proposals = proposalForm((id, input) => this.saveProposal(id, input));
    this.proposals.restore(writing);
    this.materialSignature = '';
    this.boardSignature = '';
    this.frame();
    void this.load(false).then(() => this.root.querySelector<HTMLElement>('button.lang')?.focus());
  }

  private stop(why: 'expired' | 'unknown'): void {
    this.stopped = true;
    window.clearInterval(this.timer);
    const title = why === 'expired' ? tt('gone.expiredTitle') : tt('gone.unknownTitle');
    document.title = title;
    const main = h(
      'main',
      { id: 'main', tabindex: -1 },
      h('h1', { tabindex: -1 }, title),
      h('p', { role: 'alert' }, why === 'expired' ? tt('gone.expired') : tt('gone.unknown')),
    );
    this.root.replaceChildren(
      h('header', { class: 'top' }, h('span', { class: 'brand' }, tt('app.name'))),
      main,
    );
    main.querySelector<HTMLElement>('h1')?.focus();
  }

  private failed(): void {
    const main = h(
      'main',
      { id: 'main', tabindex: -1 },
      h('h1', { tabindex: -1 }, tt('failed.title')),
      h('p', { role: 'alert' }, tt('failed.body')),
      h(
        'button',
        { type: 'button', class: 'button primary', onclick: () => location.reload() },
        tt('failed.retry'),
      ),
    );
    document.title = tt('failed.title');
    this.root.replaceChildren(
      h('header', { class: 'top' }, h('span', { class: 'brand' }, tt('app.name'))),
      main,
    );
  }
}
