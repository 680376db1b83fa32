// Addresses of workspace pages that several views link to.
import { BASE } from './app';
import { filterQuery } from './filter';
import type { StoryFilter } from './model';

/** A story point's pages start here (its dashboard). */
export function pointAddress(slug: string): string {
  return `${BASE}/${encodeURIComponent(slug)}`;
}

/** An address with the filter (nothing for the default) and further query parts such as 'complete=false'. */
export function filteredAddress(path: string, filter: StoryFilter, ...more: string[]): string {
  const query = [filterQuery(filter), ...more].filter((part) => part !== '').join('&');
  return query === '' ? path : `${path}?${query}`;
}

export function cardsAddress(slug: string): string {
  return `${pointAddress(slug)}/kaarten`;
}

export function cardAddress(slug: string, id: string): string {
  return `${cardsAddress(slug)}/${encodeURIComponent(id)}`;
}

export function sessionsAddress(slug: string): string {
  return `${pointAddress(slug)}/bijeenkomsten`;
}

export function sessionAddress(slug: string, id: string): string {
  return `${sessionsAddress(slug)}/${encodeURIComponent(id)}`;
}

export function evaluationAddress(slug: string, id: string): string {
  return `${pointAddress(slug)}/evaluaties/${encodeURIComponent(id)}`;
}
