// The refactorings the editor offers on demand and next to the findings they resolve.

import { moveCopyAfterInstall } from './move-copy';
import { splitStages } from './split-stages';
import type { Refactoring } from './types';

export const REFACTORINGS: readonly Refactoring[] = [splitStages, moveCopyAfterInstall];

export function refactoringById(id: string): Refactoring | undefined {
  return REFACTORINGS.find((r) => r.id === id);
}
