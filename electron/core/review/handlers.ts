import type { Handlers } from '../../../shared/api/index.js';
import type { reviewMethods } from '../../../shared/api/review.js';
import type { createReviews } from './review.js';

export function reviewHandlers(reviews: ReturnType<typeof createReviews>): Pick<Handlers, keyof typeof reviewMethods> {
  return {
    listDue: ({ within, on }) => reviews.due(within, on),
    reviewDecision: (input) => reviews.review(input),
  };
}
