// Addresses of workspace pages that several views link to.
import { BASE } from './app';

export function cardsAddress(slug: string): string {
  return `${BASE}/${encodeURIComponent(slug)}/kaarten`;
}

export function cardAddress(slug: string, id: string): string {
  return `${cardsAddress(slug)}/${encodeURIComponent(id)}`;
}

export function sessionsAddress(slug: string): string {
  return `${BASE}/${encodeURIComponent(slug)}/bijeenkomsten`;
}

export function sessionAddress(slug: string, id: string): string {
  return `${sessionsAddress(slug)}/${encodeURIComponent(id)}`;
}

export function evaluationAddress(slug: string, id: string): string {
  return `${BASE}/${encodeURIComponent(slug)}/evaluaties/${encodeURIComponent(id)}`;
}
