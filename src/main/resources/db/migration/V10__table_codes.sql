-- A short code per table link, to type on a phone instead of the long link (SessionTables, TableCodes).
-- Only its hash is kept; code_key is the random key from which the link's token follows from the code
-- (HMAC-SHA-256), so a correct code leads to the link without the token itself being stored. Both are
-- NULL for a table without a link, and when the link is stopped.
ALTER TABLE session_table
    ADD COLUMN code_hash VARCHAR(64) UNIQUE,
    ADD COLUMN code_key  VARCHAR(64);
