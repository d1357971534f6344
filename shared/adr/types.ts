/**
 * What the Markdown ADR writers take besides the decision itself. Everything here is computed
 * by the caller (the core's export planner), so the renderers stay pure: same input, same bytes.
 */

/** The two dialects Cairn writes (a contract: `cairn export --format madr|nygard`). */
export const ADR_FORMATS = ['madr', 'nygard'] as const;
export type AdrFormat = (typeof ADR_FORMATS)[number];

/**
 * The weighted matrix and its reading, as the scoring module computes it. The renderer only
 * prints it: criteria × options with weights, per-cell scores, totals, the ranking and the
 * sensitivity sentence.
 */
export interface AdrAnalysis {
  /** The criteria, in the decision's order, with their weights (0 … 5). */
  drivers: { id: string; name: string; weight: number }[];
  /** The options, in the decision's order; `scores` is keyed by driver id, null where unscored. */
  options: {
    id: string;
    name: string;
    scores: Record<string, number | null>;
    total: number | null;
    /** Per driver id: where the score comes from (`manual` set by hand, `missing` no evidence, counted as 3) and the hand-set note. */
    cells?: Record<string, { source: 'manual' | 'prefilled' | 'missing'; note: string }>;
  }[];
  /** Option ids, best first; options without a total are left out. */
  ranking: string[];
  /** One sentence on how robust the ranking is to the weights, or null when there is nothing to say. */
  sensitivity: string | null;
  /** How a total is computed, printed under the matrix (e.g. "weighted mean of the 1–5 scores"). */
  method: string;
  /** Exclusions, unknowns, robustness and disagreement in a few sentences, or null when there is nothing to say. */
  quality?: string | null;
}

/** A relation of this decision to another ADR, resolved to what the link line needs. */
export interface AdrLink {
  /**
   * The relation from this decision's side: supersedes, superseded-by, amends, amended-by,
   * relates-to, … or any other word the user chose.
   */
  type: string;
  /** The other ADR's number, or null when it has none. */
  number: number | null;
  title: string;
  /** The other ADR's file, relative to the ADR folder (`sub/0002-x.md`), or null when it is not in the folder. */
  file: string | null;
}

/** How the folder writes MADR metadata: MADR 4 front matter, or MADR 2 / log4brains bullets under the title. */
export type MadrMetadata = 'front-matter' | 'list';

export interface RenderOptions {
  /** The ADR number to print (a draft's planned number at export), or null. */
  number: number | null;
  /** Digits of the folder's file numbers, used for "ADR-0007" references. */
  numberWidth: number;
  links: AdrLink[];
  analysis: AdrAnalysis | null;
  /** MADR only: where the metadata goes (default front matter). */
  madrMetadata?: MadrMetadata;
  /** MADR only, list metadata: the folder's list marker. */
  listMarker?: '*' | '-';
  /**
   * The file being written, relative to the ADR folder (`sub/0002-x.md`): links to other files are
   * written relative to it. Left out, the file sits at the folder's top.
   */
  file?: string;
  /** Where a decision's file is in the folder, so an imported file's links point at files that exist. */
  resolve?: (id: string) => { number: number | null; title: string; file: string | null } | null;
}
