/**
 * Review dates as plain functions: which state a decision is in on a given day, and day
 * arithmetic on ISO dates (UTC, no time zones: a review date is a calendar day).
 * The core's list filter, `cairn due`, the MCP tools and the renderer all read these.
 */
import { DUE_SOON_DAYS, REVIEWED_STATUSES, type REVIEW_STATES } from './vocabulary.js';

export type ReviewState = (typeof REVIEW_STATES)[number];

const DAY_MS = 86_400_000;

/** The ISO day `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isReviewed(status: string): boolean {
  return (REVIEWED_STATUSES as readonly string[]).includes(status);
}

/** Overdue when the date has passed (the day itself is still "due"). */
export function reviewState(
  reviewBy: string | null | undefined,
  status: string,
  today: string,
  soon = DUE_SOON_DAYS,
): ReviewState {
  if (!reviewBy || !isReviewed(status)) return 'none';
  if (reviewBy < today) return 'overdue';
  return reviewBy <= addDays(today, soon) ? 'due' : 'scheduled';
}

/** "overdue by 3 days", "due today", "due in 12 days". */
export function describeDue(reviewBy: string, today: string): string {
  const days = daysBetween(today, reviewBy);
  if (days < 0) return `overdue by ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'due today';
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}
