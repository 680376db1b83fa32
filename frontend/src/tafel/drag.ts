// Dragging a note into a proposal's group with a finger, a pen or the mouse (pointer events, so it works on
// phones and tablets as well). The keyboard and screen readers use the "Verplaats naar" choice on each
// note instead. Nothing is moved until the note is dropped on a group.

export interface DragHandlers {
  /** Called when a note is dropped on a group ({@code proposalId} null: the notes not in a proposal). */
  drop(noteId: number, proposalId: string | null): void;
  /** Called when a drag starts and ends, so that the page is not redrawn meanwhile. */
  dragging(active: boolean): void;
}

/** Distance in pixels before a press becomes a drag (a tap stays a tap). */
const THRESHOLD = 6;
/** Near the top or bottom edge the page scrolls along. */
const EDGE = 56;

/** Lets notes (elements with data-note and a .grip handle) be dragged onto .dropzone elements inside {@code board}. */
export function enableDrag(board: HTMLElement, handlers: DragHandlers): void {
  board.addEventListener('pointerdown', (event) => {
    const grip = (event.target as Element | null)?.closest?.('.grip');
    const note = grip?.closest<HTMLElement>('[data-note]');
    if (!grip || !note || !board.contains(note) || (event.pointerType === 'mouse' && event.button !== 0)) {
      return;
    }
    event.preventDefault();
    const noteId = Number(note.dataset.note);
    const startX = event.clientX;
    const startY = event.clientY;
    let ghost: HTMLElement | null = null;
    let over: HTMLElement | null = null;
    const offsetX = startX - note.getBoundingClientRect().left;
    const offsetY = startY - note.getBoundingClientRect().top;
    (grip as HTMLElement).setPointerCapture(event.pointerId);

    const target = (x: number, y: number): HTMLElement | null => {
      const found = document.elementFromPoint(x, y)?.closest<HTMLElement>('.dropzone') ?? null;
      return found && board.contains(found) ? found : null;
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== event.pointerId) return;
      if (!ghost) {
        if (Math.hypot(e.clientX - startX, e.clientY - startY) < THRESHOLD) return;
        ghost = note.cloneNode(true) as HTMLElement;
        ghost.classList.add('ghost');
        ghost.removeAttribute('data-note');
        ghost.setAttribute('aria-hidden', 'true');
        ghost.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
        ghost.style.width = `${note.getBoundingClientRect().width}px`;
        document.body.append(ghost);
        note.classList.add('dragging');
        board.classList.add('drag-active');
        handlers.dragging(true);
      }
      ghost.style.left = `${e.clientX - offsetX}px`;
      ghost.style.top = `${e.clientY - offsetY}px`;
      const now = target(e.clientX, e.clientY);
      if (now !== over) {
        over?.classList.remove('over');
        now?.classList.add('over');
        over = now;
      }
      if (e.clientY < EDGE) window.scrollBy(0, -16);
      else if (e.clientY > window.innerHeight - EDGE) window.scrollBy(0, 16);
    };
    const end = (e: PointerEvent, dropped: boolean) => {
      if (e.pointerId !== event.pointerId) return;
      grip.removeEventListener('pointermove', move as EventListener);
      grip.removeEventListener('pointerup', up as EventListener);
      grip.removeEventListener('pointercancel', cancel as EventListener);
      const wasDragging = ghost !== null;
      ghost?.remove();
      note.classList.remove('dragging');
      board.classList.remove('drag-active');
      over?.classList.remove('over');
      const zone = dropped && wasDragging ? target(e.clientX, e.clientY) : null;
      if (wasDragging) handlers.dragging(false);
      if (zone) {
        const proposal = zone.dataset.proposal ?? '';
        handlers.drop(noteId, proposal === '' ? null : proposal);
      }
    };
    const up = (e: PointerEvent) => end(e, true);
    const cancel = (e: PointerEvent) => end(e, false);
    grip.addEventListener('pointermove', move as EventListener);
    grip.addEventListener('pointerup', up as EventListener);
    grip.addEventListener('pointercancel', cancel as EventListener);
  });
}
