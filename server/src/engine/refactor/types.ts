// A refactoring is a larger rewrite offered on demand (and next to the finding
// that motivates it): a pure function from the model to text edits.

import type { DockerfileModel } from '../model/types';
import type { TextEdit } from '../rules/types';

export interface RefactoringResult {
  title: string;
  /** Safe: the image behaves the same. */
  safe: boolean;
  edits: TextEdit[];
  /** What the rewrite assumed or could not carry over, shown to the user. */
  notes: string[];
}

export interface Refactoring {
  id: string;
  title: string;
  /** Rule ids whose diagnostics this refactoring resolves; it is offered next to them. */
  resolves: string[];
  /** undefined when it does not apply to this file (applying it again must give undefined). */
  compute(model: DockerfileModel): RefactoringResult | undefined;
}
