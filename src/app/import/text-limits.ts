import { MAX_STRING_CHARS } from '../../store/limits.js';
import { problemAt, type ImportProblem, type ProblemPlace } from './import-problem.js';

/**
 * The store refuses text longer than one Azure property holds. Checking here lets the
 * import report it with its cell, before anything is written, instead of failing part-way.
 */
export function checkLength(text: string, place: ProblemPlace, problems: ImportProblem[]): void {
  if (text.length > MAX_STRING_CHARS) {
    problems.push(
      problemAt(place, 'TOO_LONG', null, { length: text.length, limit: MAX_STRING_CHARS }),
    );
  }
}
