// What a table of a sense-making session gets through its link (session.TableService.TableView).
import type { CardDocument } from '../card/types';
import type { NoteKind, NoteView, ProposalView } from '../session/types';

export interface TableStory {
  id: string;
  role: string;
  title: string | null;
  text: string;
}

export interface TableView {
  storyPoint: string;
  storyPointTitle: string;
  session: string;
  heldOn: string;
  place: string | null;
  online: boolean;
  table: string;
  expiresAt: string;
  cards: CardDocument[];
  stories: TableStory[];
  notes: NoteView[];
  proposals: ProposalView[];
}

export interface NoteInput {
  kind: NoteKind;
  text: string;
  cardId: string | null;
}
