// Notes and improvement proposals of a sense-making session (session.Proposals), as the table link and the
// facilitator's API give them.

export const NOTE_KINDS = ['surprise', 'worry', 'chance', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const STATUSES = ['proposed', 'adopted', 'in_progress', 'done', 'dropped'] as const;
export type Status = (typeof STATUSES)[number];

export interface NoteView {
  id: number;
  tableId: string;
  cardId: string | null;
  kind: NoteKind;
  text: string;
  proposalId: string | null;
  createdAt: string;
}

export interface UpdateView {
  status: Status;
  note: string;
  doneBy: string | null;
  doneAt: string;
}

export interface ProposalView {
  id: string;
  tableId: string | null;
  title: string;
  action: string;
  goal: string;
  owner: string;
  status: Status;
  published: boolean;
  notes: number[];
  updates: UpdateView[];
  createdAt: string;
  updatedAt: string;
}

/** A proposal as written: a title, what we will do, so that what, who takes it on, and its notes. */
export interface ProposalInput {
  title: string;
  action: string;
  goal: string;
  owner: string;
  notes?: number[];
}
