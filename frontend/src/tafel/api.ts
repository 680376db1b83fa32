// Calls of the table page: the token in the path is the key; no account, no cookie, nothing stored.
import { send } from '../api';
import type { NoteView, ProposalInput, ProposalView } from '../session/types';
import type { NoteInput, TableView } from './model';

const base = (token: string) => `/api/tables/${encodeURIComponent(token)}`;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(path, {
    method,
    headers:
      body === undefined
        ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const table = (token: string) => call<TableView>('GET', base(token));
export const addNote = (token: string, note: NoteInput) =>
  call<NoteView>('POST', `${base(token)}/notes`, note);
export const moveNote = (token: string, id: number, proposalId: string | null) =>
  call<NoteView>('PUT', `${base(token)}/notes/${id}`, { proposalId });
export const deleteNote = (token: string, id: number) => call<void>('DELETE', `${base(token)}/notes/${id}`);
export const addProposal = (token: string, input: ProposalInput) =>
  call<ProposalView>('POST', `${base(token)}/proposals`, input);
export const editProposal = (token: string, id: string, input: ProposalInput) =>
  call<ProposalView>('PUT', `${base(token)}/proposals/${encodeURIComponent(id)}`, input);

/** The address of a card's chart at this table, for an <img>. */
export const chartUrl = (token: string, cardId: string) =>
  `${base(token)}/cards/${encodeURIComponent(cardId)}/chart.svg`;
