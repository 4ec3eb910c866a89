import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 94.0%, seed unanswerable 44.3%, korquad answerable 93.2%, korquad other article 99.3%, korquad look-alike 43.3%, squad answerable 91.0%, squad other article 98.6%, squad look-alike 31.7%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.292,
  weights: {
    support: 1.793,
    similarity: 1.477,
    nameMissing: 0.015,
    unknownName: -0.151,
    shapeMissing: -2.345,
    missingFocus: -0.88,
    unseenShare: -2.787
  },
  threshold: 0.22
};
