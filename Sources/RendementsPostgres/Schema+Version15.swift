extension Schema {
    /// Found by helpers in `psql`: the server kept whatever text a login wrote, so a citizen service
    /// number (BSN) in a story, a line's reasoning or a re-pricing's reason went into the shared
    /// business case; only the app refused one, and `validate` found it afterwards, when the
    /// append-only history could no longer lose it. Now the server refuses it too.
    ///
    /// `rm_bsn_in` follows `BSN.candidates(in:)`: digit groups joined by up to three separators
    /// (spaces, `.`, `-`, `/`, `_`, `,`, `:`, tabs, line ends, Unicode spaces and dashes), every
    /// whole group or series of neighbouring groups of nine digits, the eleven-test; invisible
    /// characters dropped. Digits are ASCII, full-width, Arabic-Indic and Devanagari; the app knows
    /// every script's, the server these four. The free texts are `CaseChecker.freeTexts`'s.
    /// A text already stored is not checked again: a case whose history holds one stays workable.
    /// The trigger's name sorts first, so this refusal comes before any other rule's.
    static var version15: [String] {
        [
            """
            CREATE FUNCTION rm_eleven_test(digits text) RETURNS boolean LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT digits ~ '^[0-9]{9}$' AND digits <> '000000000'
                   AND (SELECT sum(CASE WHEN i = 9 THEN -1 ELSE 10 - i END * substr(digits, i, 1)::int) FROM generate_series(1, 9) i) % 11 = 0
            $$
            """,
            #"""
            CREATE FUNCTION rm_bsn_in(input text) RETURNS text LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            DECLARE
                plain text;
                run text;
                groups text[];
                number text;
            BEGIN
                IF input IS NULL THEN RETURN NULL; END IF;
                plain := translate(input, '０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९', '0123456789012345678901234567890123456789');
                -- Most texts hold fewer than nine digits in all.
                IF length(regexp_replace(plain, '[^0-9]', '', 'g')) < 9 THEN RETURN NULL; END IF;
                plain := regexp_replace(plain, '[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u0300-\u036F\u20D0-\u20FF\uFE20-\uFE2F]', '', 'g');
                plain := translate(plain, E'\u00A0\u2007\u2009\u200A\u202F\u3000\u2010\u2011\u2012\u2013\u2014\u2212\uFF0D\uFF0E\uFF1A', '               ');
                FOR run IN SELECT m[1] FROM regexp_matches(plain, '([0-9]+(?:[ ./_,:\t\n\r-]{1,3}[0-9]+)*)', 'g') AS m LOOP
                    groups := regexp_split_to_array(run, '[^0-9]+');
                    FOR from_group IN 1 .. array_length(groups, 1) LOOP
                        number := '';
                        FOR to_group IN from_group .. array_length(groups, 1) LOOP
                            number := number || groups[to_group];
                            EXIT WHEN length(number) >= 9;
                        END LOOP;
                        IF length(number) = 9 AND rm_eleven_test(number) THEN RETURN number; END IF;
                    END LOOP;
                END LOOP;
                RETURN NULL;
            END $$
            """#,
            """
            CREATE FUNCTION rm_free_texts(content jsonb) RETURNS TABLE (field text, value text) LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                WITH lists AS (
                    SELECT CASE WHEN jsonb_typeof(content #> '{effort,workers}') = 'array' THEN content #> '{effort,workers}' ELSE '[]' END AS workers,
                           CASE WHEN jsonb_typeof(content #> '{effort,otherCosts}') = 'array' THEN content #> '{effort,otherCosts}' ELSE '[]' END AS costs,
                           CASE WHEN jsonb_typeof(content -> 'history') = 'array' THEN content -> 'history' ELSE '[]' END AS history,
                           CASE WHEN jsonb_typeof(content -> 'avoided') = 'array' THEN content -> 'avoided' ELSE '[]' END AS avoided,
                           CASE WHEN jsonb_typeof(content -> 'deployed') = 'array' THEN content -> 'deployed' ELSE '[]' END AS deployed)
                SELECT t.field, t.value FROM (VALUES
                    ('het verhaal (situatie)', content #>> '{story,situation}'), ('het verhaal (aanpak)', content #>> '{story,approach}'),
                    ('het verhaal (resultaat)', content #>> '{story,result}'), ('interventie', content #>> '{context,intervention}'),
                    ('team', content #>> '{context,team}'), ('gemeente', content #>> '{context,municipality}'),
                    ('verwijzer', content #>> '{context,referrer}'), ('huishouden', content #>> '{context,household}'),
                    ('leeftijdsgroep', content #>> '{context,ageBand}'), ('auteur', content ->> 'author')) AS t(field, value)
                UNION ALL SELECT 'omschrijving eigen inzet', e ->> 'description' FROM lists, jsonb_array_elements(lists.workers) e
                UNION ALL SELECT 'omschrijving overige kosten', e ->> 'description' FROM lists, jsonb_array_elements(lists.costs) e
                UNION ALL SELECT 'reden bij gebeurtenis ' || n, e ->> 'reason' FROM lists, jsonb_array_elements(lists.history) WITH ORDINALITY AS h(e, n)
                UNION ALL SELECT 'onderbouwing regel ' || n, e ->> 'reasoning' FROM lists, jsonb_array_elements(lists.avoided) WITH ORDINALITY AS a(e, n)
                UNION ALL SELECT 'toelichting ingezette zorg ' || n, e ->> 'note' FROM lists, jsonb_array_elements(lists.deployed) WITH ORDINALITY AS d(e, n)
                UNION ALL SELECT 'omschrijving voorkomen zorg regel ' || n, e #>> '{item,description}'
                    FROM lists, jsonb_array_elements(lists.avoided) WITH ORDINALITY AS a(e, n)
                UNION ALL SELECT 'omschrijving ingezette zorg regel ' || n, e #>> '{item,description}'
                    FROM lists, jsonb_array_elements(lists.deployed) WITH ORDINALITY AS d(e, n)
            $$
            """,
            """
            CREATE FUNCTION rm_anonymous_texts() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                refused text;
            BEGIN
                SELECT t.field INTO refused FROM rm_free_texts(NEW.content::jsonb) t
                WHERE rm_bsn_in(t.value) IS NOT NULL
                  AND (TG_OP = 'INSERT' OR NOT EXISTS (SELECT 1 FROM rm_free_texts(OLD.content::jsonb) o WHERE o.value = t.value))
                LIMIT 1;
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
