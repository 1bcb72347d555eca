extension Schema {
    /// Found by helper-30 in `psql` after migration 21:
    /// - a write that set `schemaVersion` to 1, or dropped it, was sealed the old way, without
    ///   the content hash: a reviewer approved with a quantity raised a hundredfold. The app writes
    ///   schema 2 only, so every write that adds a step now carries schema 2 or later (a
    ///   beheerder's `push` of old folder files stays exempt, as before);
    /// - the numbers could change in the same write as an approval, with the approval sealed over
    ///   the new numbers: a change of numbers now needs a step that records one (a review change,
    ///   an added or removed line, the author's rework, a re-pricing or an import). Checked when
    ///   the stored case is sealed as the app writes it; a pushed file written by hand may differ
    ///   in form alone (`6.0` for `6`), and `validate` judges those;
    /// - a beheerder was lent a case's lock, though only a beoordelaar decides a case: colleagues
    ///   were told the beheerder reviewed it.
    static var version22: [String] {
        [
            """
            CREATE OR REPLACE FUNCTION rm_steps_sealed() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                new_content jsonb := NEW.content::jsonb;
                old_content jsonb;
                old_steps int := 0;
                new_steps int := coalesce(jsonb_array_length(new_content->'history'), 0);
                schema_version int;
                seal text;
                step jsonb;
            BEGIN
                IF TG_OP = 'INSERT' AND rm_my_role() IS NOT DISTINCT FROM 'beheerder' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'UPDATE' THEN
                    old_content := OLD.content::jsonb;
                    old_steps := coalesce(jsonb_array_length(old_content->'history'), 0);
                END IF;
                IF new_steps <= old_steps THEN
                    RETURN NULL;
                END IF;
                schema_version := CASE WHEN jsonb_typeof(new_content->'schemaVersion') = 'number' THEN (new_content->>'schemaVersion')::numeric::int END;
                IF schema_version IS NULL OR schema_version < 2 THEN
                    RAISE EXCEPTION 'casus %: een nieuwe stap komt alleen in een casus van schemaversie 2 of later (hier: %)', NEW.id,
                        coalesce(new_content->>'schemaVersion', 'geen') USING ERRCODE = '23514';
                END IF;
                seal := rm_content_seal(new_content);
                FOR n IN old_steps + 1 .. new_steps LOOP
                    step := new_content->'history'->(n - 1);
                    IF step->>'contentHash' IS DISTINCT FROM seal THEN
                        RAISE EXCEPTION 'casus %: stap % draagt niet de hash van de bedragen, hoeveelheden en kansen zoals de casus ze nu heeft', NEW.id, n
                            USING ERRCODE = '23514';
                    END IF;
                    \(stepChainChecks)
                -- New numbers need a step that records a change, when the stored case was sealed as the app writes it.
                IF TG_OP = 'UPDATE' AND old_steps > 0
                   AND old_content->'history'->(old_steps - 1)->>'contentHash' = rm_content_seal(old_content)
                   AND rm_content_seal(old_content) IS DISTINCT FROM seal
                   AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(new_content->'history') WITH ORDINALITY AS h(s, n)
                                   WHERE h.n > old_steps
                                     AND h.s->>'action' IN ('wijziging', 'regel-toegevoegd', 'regel-verwijderd', 'aanpassing', 'herprijzing', 'import')) THEN
                    RAISE EXCEPTION 'casus %: de bedragen, hoeveelheden of kansen veranderen zonder een stap die die wijziging vastlegt', NEW.id
                        USING ERRCODE = '23514';
                END IF;
                RETURN NULL;
            END $$
            """,
            takeCaseLock(lenders: "('beoordelaar')", refusal: "alleen een beoordelaar neemt een casus in behandeling"),
        ]
    }
}
