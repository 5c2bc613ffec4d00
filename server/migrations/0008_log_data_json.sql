-- Issue 25 (sync speed): the log keeps each mutation's data as the JSON text it was stored with (`json`) instead
-- of parsing it into `jsonb`. Nothing searches inside it by index: the store reads it back whole (the pull writes
-- it out as it is, the judge and the export parse it in Node) and a few rare checks read one field (`->>`, which
-- `json` has too). Parsing into jsonb was ~30 % of appending a pushed row, and writing jsonb out as text most
-- of a pull page's cost in the store. The server validates the data before it stores it (zod, and no NUL or
-- lone surrogate: findBadText), so the text is always valid JSON, as JSON.stringify writes it.
alter table mutations alter column data type json using data::json;
