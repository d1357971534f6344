import type { Migration } from './types.js';

/**
 * An imported decision's file (its bytes, up to 6 MB, and the importer's parse data) moves out
 * of the decision's content into a table of its own. The content is what every save carries,
 * every revision copies and every reader of a decision receives; the file is only read by the
 * exporter (to write an unedited decision back byte for byte), the importer and the lifecycle's
 * link bookkeeping. Existing rows move here; revisions drop their copies (the current file is
 * the one the round trip patches, whichever revision is restored).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'decision-origins',
  up: `
    -- file: the name relative to its ADR folder as it is now (renumbering renames it); raw: the text
    -- exactly as read; extra: the importer's parse data (JSON) that lets the exporter change only edited parts.
    CREATE TABLE decision_origins (
      decision_id TEXT PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
      file TEXT NOT NULL,
      dialect TEXT NOT NULL,
      raw TEXT NOT NULL,
      extra TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    INSERT INTO decision_origins (decision_id, file, dialect, raw, extra)
      SELECT id, json_extract(content, '$.origin.file'), json_extract(content, '$.origin.dialect'), json_extract(content, '$.origin.raw'),
             COALESCE(json_extract(content, '$.origin.extra'), '{}')
      FROM decision_content WHERE json_type(content, '$.origin') = 'object';
    UPDATE decision_content SET content = json_remove(content, '$.origin') WHERE json_type(content, '$.origin') IS NOT NULL;
    UPDATE revisions SET content = json_remove(content, '$.origin') WHERE json_type(content, '$.origin') IS NOT NULL;
  `,
};
