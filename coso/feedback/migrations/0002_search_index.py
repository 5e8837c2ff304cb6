"""Full-text search index on feedback: `search_text` (already folded: no diacritics, đ→d).

Both databases index two things: the *head* of `search_text` (the tracking code and the
subject, which `actions.search_text_of` writes first) and the whole text, so a match in the
subject ranks above one in the content. The head is the first
`length(tracking_code) + 1 + length(title)` characters of the folded text.

- PostgreSQL: a `tsvector` column `search_vector` (head weighted A, the rest D, `simple`
  configuration: the text is folded already, so no stemming or accents to handle) with a GIN
  index. A trigger fills it rather than a generated column: a generated column would forbid
  ALTER COLUMN TYPE on `title` and `tracking_code`, which a later migration changing a
  max_length runs.
- SQLite: an FTS5 external-content table `feedback_fts` (columns head, search_text; rowid =
  feedback id) kept in sync by triggers; queries use MATCH and bm25().

The model never declares any of it: Django neither reads nor writes these columns. On SQLite
a later migration that remakes `feedback_feedback` (Django copies the table to alter it) drops
the triggers; `coso.feedback.search.ensure_search_index` puts them back and rebuilds the index.
"""

from django.db import migrations

HEAD_SQLITE = "substr({row}.search_text, 1, length({row}.tracking_code) + 1 + length({row}.title))"
HEAD_PG = "left({row}.search_text, char_length({row}.tracking_code) + 1 + char_length({row}.title))"

SQLITE_TRIGGERS = {
    "feedback_fts_insert": f"""
        CREATE TRIGGER IF NOT EXISTS feedback_fts_insert AFTER INSERT ON feedback_feedback BEGIN
            INSERT INTO feedback_fts(rowid, head, search_text)
            VALUES (new.id, {HEAD_SQLITE.format(row="new")}, new.search_text);
        END""",
    "feedback_fts_delete": f"""
        CREATE TRIGGER IF NOT EXISTS feedback_fts_delete AFTER DELETE ON feedback_feedback BEGIN
            INSERT INTO feedback_fts(feedback_fts, rowid, head, search_text)
            VALUES ('delete', old.id, {HEAD_SQLITE.format(row="old")}, old.search_text);
        END""",
    "feedback_fts_update": f"""
        CREATE TRIGGER IF NOT EXISTS feedback_fts_update
        AFTER UPDATE OF search_text, title, tracking_code ON feedback_feedback BEGIN
            INSERT INTO feedback_fts(feedback_fts, rowid, head, search_text)
            VALUES ('delete', old.id, {HEAD_SQLITE.format(row="old")}, old.search_text);
            INSERT INTO feedback_fts(rowid, head, search_text)
            VALUES (new.id, {HEAD_SQLITE.format(row="new")}, new.search_text);
        END""",
}

SQLITE_TABLE = """
    CREATE VIRTUAL TABLE IF NOT EXISTS feedback_fts USING fts5(
        head, search_text,
        content='feedback_feedback', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )"""

# FTS5 finds the matches; checking that the user may read each one is then a lookup of the
# row by id. This narrow index answers that lookup for the access rule's columns without
# reading the wide row (search.py names it in INDEXED BY): twice as fast on a million items.
SQLITE_SCOPE_INDEX = """
    CREATE INDEX IF NOT EXISTS feedback_search_scope
    ON feedback_feedback (id, unit_path, sender_user_id, handler_id, received_on)"""

# The 'rebuild' command would read a `head` column the content table does not have: the index
# is filled with the same expression the triggers use instead.
SQLITE_FILL = [
    "INSERT INTO feedback_fts(feedback_fts) VALUES ('delete-all')",
    f"""INSERT INTO feedback_fts(rowid, head, search_text)
        SELECT id, {HEAD_SQLITE.format(row="feedback_feedback")}, search_text
        FROM feedback_feedback""",
]

PG_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION feedback_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', {HEAD_PG.format(row="NEW")}), 'A')
            || setweight(to_tsvector('simple', NEW.search_text), 'D');
        RETURN NEW;
    END
    $$"""

PG_INSTALL = [
    "ALTER TABLE feedback_feedback ADD COLUMN IF NOT EXISTS search_vector tsvector",
    PG_FUNCTION,
    "DROP TRIGGER IF EXISTS feedback_search_vector ON feedback_feedback",
    """CREATE TRIGGER feedback_search_vector
       BEFORE INSERT OR UPDATE OF search_text, title, tracking_code ON feedback_feedback
       FOR EACH ROW EXECUTE FUNCTION feedback_search_vector()""",
    # Fills existing rows through the trigger, before the index exists (one bulk build).
    "UPDATE feedback_feedback SET search_text = search_text",
    """CREATE INDEX IF NOT EXISTS feedback_search_vector_gin
       ON feedback_feedback USING gin (search_vector)""",
]

PG_REMOVE = [
    "DROP INDEX IF EXISTS feedback_search_vector_gin",
    "DROP TRIGGER IF EXISTS feedback_search_vector ON feedback_feedback",
    "DROP FUNCTION IF EXISTS feedback_search_vector()",
    "ALTER TABLE feedback_feedback DROP COLUMN IF EXISTS search_vector",
]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = PG_INSTALL
    elif vendor == "sqlite":
        statements = [
            SQLITE_TABLE,
            *SQLITE_FILL,
            *SQLITE_TRIGGERS.values(),
            SQLITE_SCOPE_INDEX,
        ]
    else:  # other databases search with the plain scan (coso.feedback.search.scan_feedback)
        return
    for sql in statements:
        schema_editor.execute(sql, params=None)


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = PG_REMOVE
    elif vendor == "sqlite":
        statements = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
        statements += [
            "DROP TABLE IF EXISTS feedback_fts",
            "DROP INDEX IF EXISTS feedback_search_scope",
        ]
    else:
        return
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(install, remove, elidable=False)]
