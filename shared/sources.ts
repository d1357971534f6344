/**
 * Sources with their text: the formats Cairn reads, its limits, and the text as it travels
 * inside a pack file (`cairn-pack/1`, the optional `document` of a source).
 */
import { z } from 'zod';
import { VERIFICATION_STATES } from './vocabulary.js';

export const DOCUMENT_FORMATS = ['markdown', 'html', 'pdf', 'docx', 'text'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Stated in the README; a file beyond them is refused with a sentence, nothing stored. */
export const SOURCE_LIMITS = {
  /** The original file. Over HTTP it travels base64-encoded inside a 16 MB request. */
  fileBytes: 10 * 1024 * 1024,
  /** The extracted text of one source. */
  textChars: 2_000_000,
  /** Headings kept per source. */
  sections: 5_000,
} as const;

export const SourceSection = z.object({
  heading: z.string().max(2_000),
  level: z.number().int().min(1).max(6),
  start: z.number().int().min(0),
});

/** A source's extracted text as a pack file carries it, so a teammate's import can verify anchors. */
export const SourceDocument = z.object({
  format: z.enum(DOCUMENT_FORMATS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  text: z.string().min(1).max(SOURCE_LIMITS.textChars),
  sections: z.array(SourceSection).max(SOURCE_LIMITS.sections).default([]),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

/** Where a claim's quote stands against its source's newest text (see shared/verification.ts). */
export const ClaimCheck = z.object({
  state: z.enum(VERIFICATION_STATES),
  /** The heading the quote was found under ('' before the first heading; null when not found). */
  foundSection: z.string().nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  /** The version of the source's text it was checked against. */
  textVersion: z.number().int().nullable(),
  /** One sentence for the user when the state is not `verified`. */
  reason: z.string(),
  /** The state before the last check, to say what a new version changed. */
  previous: z.enum(VERIFICATION_STATES).nullable(),
});
export type ClaimCheck = z.infer<typeof ClaimCheck>;

export const UNCHECKED: ClaimCheck = {
  state: 'unchecked',
  foundSection: null,
  start: null,
  end: null,
  textVersion: null,
  reason: 'Not checked yet: Cairn has no text of this source.',
  previous: null,
};

/** What the Library shows about a source's stored text, without the text. */
export const SourceTextInfo = z.object({
  version: z.number().int(),
  sha256: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  file: z.string().nullable(),
  bytes: z.number().int(),
  chars: z.number().int(),
  sections: z.number().int(),
  addedAt: z.string(),
});
export type SourceTextInfo = z.infer<typeof SourceTextInfo>;
