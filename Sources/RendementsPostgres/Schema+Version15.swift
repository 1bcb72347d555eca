extension Schema {
    /// Found by helpers in `psql`: the server kept whatever text a login wrote, so a citizen service
    /// number (BSN) in a story, a line's reasoning or a re-pricing's reason went into the shared
    /// business case; only the app refused one, and `validate` found it afterwards, when the
    /// append-only history could no longer lose it. Now the server refuses it too.
    ///
    /// `rm_has_bsn` read a BSN as `BSN.candidates(in:)` then did (migration 16 narrows it to the ways a BSN is written): digit groups joined by up to three
    /// separators, every whole group or series of neighbouring groups of nine digits, the
    /// eleven-test, invisible characters dropped, any script's decimal digits, dates left out. Its
    /// character lists are made from the app's own rules and Unicode tables (`BSNCharacters`).
    ///
    /// Every string, number and field name in the case file is checked, at any depth (a helper put
    /// one in the author's original estimate, a history step's `new`, a rate code and a key the app
    /// does not know), except the values of fields that hold hashes, dates and amounts: an amount
    /// such as `1234567.89` is nine digits in two groups. A value that the case already held at the
    /// same place is not checked again, so a case holding one from before stays workable; copying
    /// it to another place is a new text. The trigger's name sorts first, so this refusal comes
    /// before any other rule's. The message names the place, never the number.
    static var version15: [String] {
        let machineKeys = ["hash", "previousHash", "contentHash", "historyHead", "at", "periodStart", "periodEnd", "unitPrice", "amount",
                           "hourlyRate", "hours", "volunteerHours", "volunteerRate", "likelihood", "attribution", "priceYear", "count", "rate",
                           "per", "periods", "horizonYears", "dropOff", "revision", "schemaVersion"]
            .map { "'\($0)'" }.joined(separator: ", ")
        return [
            """
            CREATE FUNCTION rm_eleven_test(digits text) RETURNS boolean LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT digits ~ '^[0-9]{9}$' AND digits <> '000000000'
                   AND (SELECT sum(CASE WHEN i = 9 THEN -1 ELSE 10 - i END * substr(digits, i, 1)::int) FROM generate_series(1, 9) i) % 11 = 0
            $$
            """,
            #"""
            CREATE FUNCTION rm_has_bsn(input text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            DECLARE
                plain text := input;
                run text;
                digits text;
                number text;
                pending text[];
                grown text[];
            BEGIN
            \#(BSNCharacters.plainStatements())
                -- Dates are no number (BSN.maskDates): d-m-jjjj or jjjj-m-d, one of - / . twice, between non-digits.
                plain := regexp_replace(plain, '(^|[^0-9])((0?[1-9]|[12][0-9]|3[01])([-/.])(0?[1-9]|1[0-2])\4(19|20)[0-9]{2}|(19|20)[0-9]{2}([-/.])(0?[1-9]|1[0-2])\8(0?[1-9]|[12][0-9]|3[01]))(?![0-9])', '\1x', 'g');
                FOR run IN SELECT m[1] FROM regexp_matches(plain, '([0-9]+(?:[ ./_,:\t\n\r-]{1,3}[0-9]+)*)', 'g') AS m LOOP
                    CONTINUE WHEN length(regexp_replace(run, '[^0-9]', '', 'g')) < 9;
                    -- The numbers begun at each of the last groups, grown by every next group until
                    -- they reach nine digits: at most nine are pending, however long the run.
                    pending := '{}';
                    FOR digits IN SELECT g[1] FROM regexp_matches(run, '([0-9]+)', 'g') AS g LOOP
                        grown := '{}';
                        FOREACH number IN ARRAY pending || ARRAY[''] LOOP
                            number := number || digits;
                            IF length(number) < 9 THEN
                                grown := grown || number;
                            ELSIF length(number) = 9 AND rm_eleven_test(number) THEN
                                RETURN true;
                            END IF;
                        END LOOP;
                        pending := grown;
                    END LOOP;
                END LOOP;
                RETURN false;
            END $$
            """#,
            """
            CREATE FUNCTION rm_case_texts(content jsonb) RETURNS TABLE (place text, value text) LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                WITH RECURSIVE walk(place, key, member, value) AS (
                    SELECT ''::text, ''::text, false, content
                    UNION ALL
                    SELECT CASE WHEN e.key IS NULL THEN w.place || '[' || e.position || ']'
                                WHEN w.place = '' THEN e.key ELSE w.place || '.' || e.key END,
                           coalesce(e.key, w.key), e.key IS NOT NULL, e.value
                    FROM walk w CROSS JOIN LATERAL (
                        SELECT o.key, o.value, NULL::bigint AS position
                        FROM jsonb_each(CASE WHEN jsonb_typeof(w.value) = 'object' THEN w.value ELSE '{}'::jsonb END) o
                        UNION ALL
                        SELECT NULL, a.value, a.position - 1
                        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(w.value) = 'array' THEN w.value ELSE '[]'::jsonb END)
                             WITH ORDINALITY AS a(value, position)
                    ) e
                    WHERE w.key NOT IN (\(machineKeys))
                )
                SELECT place, value #>> '{}' FROM walk WHERE jsonb_typeof(value) IN ('string', 'number') AND key NOT IN (\(machineKeys))
                UNION ALL
                SELECT place || ' (naam van het veld)', key FROM walk WHERE member
            $$
            """,
            """
            CREATE FUNCTION rm_anonymous_texts() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                refused text;
            BEGIN
                SELECT t.place INTO refused FROM rm_case_texts(NEW.content::jsonb) t
                WHERE rm_has_bsn(t.value)
                  AND (TG_OP = 'INSERT'
                       OR NOT EXISTS (SELECT 1 FROM rm_case_texts(OLD.content::jsonb) o WHERE o.place = t.place AND o.value = t.value))
                ORDER BY t.place LIMIT 1;
                IF refused IS NOT NULL THEN
                    -- The number itself is not repeated: the message goes to logs and screens.
                    RAISE EXCEPTION 'casus %: % lijkt een BSN te bevatten (elfproef klopt); een casus blijft pseudoniem', NEW.id, refused
                        USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_anonymous_texts BEFORE INSERT OR UPDATE OF content ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_anonymous_texts()",
        ]
    }
}
