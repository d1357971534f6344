import type { Decision, DecisionContent } from '../../../shared/domain.js';
import type { DecisionAnalysis } from '../../../shared/scoring.js';

/** What every wizard step gets: the decision being edited and the analysis of its current draft. */
export interface StepProps {
  /** The decision as last saved (id, number, revision). */
  saved: Decision;
  draft: DecisionContent;
  analysis: DecisionAnalysis;
  /** True while the robustness figures in `analysis` still describe the draft before the last change. */
  pending?: boolean;
  /** Changes the draft; the change is saved a moment later. */
  update: (change: Partial<DecisionContent> | ((d: DecisionContent) => DecisionContent)) => void;
  /** Saves what is pending, then returns the stored decision (null when saving failed). */
  settle: () => Promise<Decision | null>;
  /** Takes a decision the server returned as the new base. */
  replace: (next: Decision) => void;
  /** Moves to another step. */
  go: (step: number) => void;
}

export const EFFECT_LABEL = { good: 'Good', neutral: 'Neutral', bad: 'Bad' } as const;
export const EFFECT_MARK = { good: '▲', neutral: '●', bad: '▼' } as const;
export const IMPORTANCE_LABEL: Record<number, string> = { 1: 'minor', 2: 'moderate', 3: 'major' };
