extension Schema {
    /// The server recomputes the seals of every step a write adds, instead of keeping whatever
    /// the client sent: an approval records the content hash of the case as it is approved, and a
    /// step's own hash covers it (before, a login in `psql` could approve with any hash, or change
    /// an amount in the same write, and only `validate` on the files would tell).
    ///
    /// - `rm_content_seal(content)`: the SHA-256 of the case's effort, deployed and avoided lines
    ///   and attribution as `ContentSeal` writes them (`JSONEncoder` with sorted keys: no spaces,
    ///   keys in case-insensitive order, `/` escaped, absent optionals left out). The app writes a
    ///   case file with the same types, so the file's own values give the same bytes.
    /// - `rm_step_hash(case id, step)`: the SHA-256 of `CaseEvent.canonicalText`.
    /// - A trigger holds each added step to both, to the chain and to the history's head. A
    ///   beheerder's insert is left alone: `push` loads folder files as they were written, years
    ///   ago and perhaps by hand, and `validate` judges those.
    static var version21: [String] {
        [
            """
            CREATE FUNCTION rm_json_text(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            DECLARE
                result text := replace(replace(replace(t, '\\', '\\\\'), '"', '\\"'), '/', '\\/');
            BEGIN
                IF result ~ '[\\x01-\\x1f]' THEN
                    result := replace(replace(replace(replace(replace(result, chr(8), '\\b'), chr(12), '\\f'), chr(10), '\\n'), chr(13), '\\r'), chr(9), '\\t');
                    FOR code IN 1..31 LOOP
                        result := replace(result, chr(code), '\\u00' || lpad(to_hex(code), 2, '0'));
                    END LOOP;
                END IF;
                RETURN '"' || result || '"';
            END $$
            """,
            """
            CREATE FUNCTION rm_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            BEGIN
                CASE jsonb_typeof(v)
                WHEN 'object' THEN
                    RETURN '{' || coalesce((SELECT string_agg(rm_json_text(m.key) || ':' || rm_canonical_json(m.value), ',' ORDER BY lower(m.key) COLLATE "C", m.key COLLATE "C")
                                            FROM jsonb_each(v) AS m WHERE jsonb_typeof(m.value) <> 'null'), '') || '}';
                WHEN 'array' THEN
                    RETURN '[' || coalesce((SELECT string_agg(rm_canonical_json(a.e), ',' ORDER BY a.n) FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, n)), '') || ']';
                WHEN 'string' THEN
                    RETURN rm_json_text(v #>> '{}');
                ELSE
                    RETURN v::text;
                END CASE;
            END $$
            """,
            """
            CREATE FUNCTION rm_content_seal(content jsonb) RETURNS text LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT encode(sha256(convert_to(rm_canonical_json(jsonb_build_object(
                    'attribution', content->'attribution', 'avoided', content->'avoided',
                    'deployed', content->'deployed', 'effort', content->'effort')), 'UTF8')), 'hex')
            $$
            """,
            """
            CREATE FUNCTION rm_step_hash(case_id text, step jsonb, schema_version int) RETURNS text LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT encode(sha256(convert_to(array_to_string(ARRAY(
                    SELECT replace(coalesce(f.value, ''), chr(31), ' ') FROM unnest(
                        CASE WHEN schema_version >= 2 THEN ARRAY[case_id, step->>'contentHash'] ELSE ARRAY[]::text[] END
                        || ARRAY[step->>'at', step->>'by', step->>'action', step->>'field', step->>'old', step->>'new', step->>'reason', step->>'previousHash'])
                        WITH ORDINALITY AS f(value, n) ORDER BY f.n), chr(31)), 'UTF8')), 'hex')
            $$
            """,
            """
            CREATE FUNCTION rm_steps_sealed() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                new_content jsonb := NEW.content::jsonb;
                old_steps int := 0;
                new_steps int := coalesce(jsonb_array_length(new_content->'history'), 0);
                schema_version int := coalesce((new_content->>'schemaVersion')::int, 1);
                seal text;
                step jsonb;
            BEGIN
                IF TG_OP = 'INSERT' AND rm_my_role() IS NOT DISTINCT FROM 'beheerder' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'UPDATE' THEN
                    old_steps := coalesce(jsonb_array_length(OLD.content::jsonb->'history'), 0);
                END IF;
                IF new_steps <= old_steps THEN
                    RETURN NULL;
                END IF;
                seal := rm_content_seal(new_content);
                FOR n IN old_steps + 1 .. new_steps LOOP
                    step := new_content->'history'->(n - 1);
                    IF schema_version >= 2 AND step->>'contentHash' IS DISTINCT FROM seal THEN
                        RAISE EXCEPTION 'casus %: stap % draagt niet de hash van de bedragen, hoeveelheden en kansen zoals de casus ze nu heeft', NEW.id, n
                            USING ERRCODE = '23514';
                    END IF;
                    \(stepChainChecks)
                RETURN NULL;
            END $$
            """,
            // At commit, after the checks that the history rows and the file agree (named before it), so
            // a write that breaks those is told that first.
            """
            CREATE CONSTRAINT TRIGGER rm_steps_sealed AFTER INSERT OR UPDATE ON rm_case
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rm_steps_sealed()
            """,
        ]
    }

    /// Each added step chained to the one before and hashed over itself, and the head on the
    /// last step (the end of `rm_steps_sealed` in migrations 21 and 22, in the same words).
    static let stepChainChecks = """
    IF step->>'previousHash' IS DISTINCT FROM (CASE WHEN n = 1 THEN '' ELSE new_content->'history'->(n - 2)->>'hash' END)
               OR step->>'hash' IS DISTINCT FROM rm_step_hash(NEW.id, step, schema_version) THEN
                RAISE EXCEPTION 'casus %: de hash van stap % klopt niet met de stap en de stap ervoor', NEW.id, n USING ERRCODE = '23514';
            END IF;
        END LOOP;
        IF new_content->>'historyHead' IS DISTINCT FROM new_content->'history'->(new_steps - 1)->>'hash' THEN
            RAISE EXCEPTION 'casus %: historyHead is niet de hash van de laatste stap', NEW.id USING ERRCODE = '23514';
        END IF;
    """
}
