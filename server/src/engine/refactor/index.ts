// The refactorings the editor offers on demand and next to the findings they resolve.

import { moveCopyAfterInstall } from './move-copy';
import type { Refactoring } from './types';

export const REFACTORINGS: readonly Refactoring[] = [moveCopyAfterInstall];

export function refactoringById(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
