extension Schema {
    /// Found by a helper with plain SQL as a sociaal werker, after schema 5 and 6:
    /// - a case file with a key twice (`"status"` first as "goedgekeurd", then as "concept")
    ///   passed the server's checks, which read the last, while the app reads the first;
    /// - the author could rewrite an earlier step of the history in the case file (a reviewer's
    ///   remarks) while appending a proper new one: only the new step was compared;
    /// - a submission key could point at a colleague's case, and a key was unique across the
    ///   organisation, so one login could take another's before them.
    /// Now every object in a case file has each key once, at commit the whole history in the
    /// file equals the history rows, and a key is one login's own, for one of their own cases.
    static var version7: [String] {
        let worker = Role.sociaalWerker.groupRole
        return [
            """
            CREATE FUNCTION rm_keys_once(value json) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE
                keys int;
                distinct_keys int;
                item json;
            BEGIN
                IF json_typeof(value) = 'object' THEN
                    SELECT count(*), count(DISTINCT k) INTO keys, distinct_keys FROM json_object_keys(value) AS k;
                    IF keys <> distinct_keys THEN
                        RETURN false;
                    END IF;
                    FOR item IN SELECT v FROM json_each(value) AS e(k, v) LOOP
                        IF NOT rm_keys_once(item) THEN
                            RETURN false;
                        END IF;
                    END LOOP;
                ELSIF json_typeof(value) = 'array' THEN
                    FOR item IN SELECT json_array_elements(value) LOOP
                        IF NOT rm_keys_once(item) THEN
                            RETURN false;
                        END IF;
                    END LOOP;
                END IF;
                RETURN true;
            END $$
            """,
            "ALTER TABLE rm_case ADD CONSTRAINT rm_case_keys_once CHECK (rm_keys_once(content::json)) NOT VALID",
            // Ids as the app makes them: C-10000 and up have no leading zero, so C-00001 cannot
            // stand beside C-0001.
            "ALTER TABLE rm_case ADD CONSTRAINT rm_case_id_canonical CHECK (id ~ '^C-([0-9]{4}|[1-9][0-9]{4,8})$') NOT VALID",
            """
            CREATE OR REPLACE FUNCTION rm_history_complete() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                events int;
                steps int;
                differing int;
            BEGIN
                SELECT count(*) INTO events FROM rm_case_event WHERE organisation_id = NEW.organisation_id AND case_id = NEW.id;
                steps := coalesce(json_array_length(NEW.content::json->'history'), 0);
                IF steps <> events THEN
                    RAISE EXCEPTION 'casus %: de geschiedenis in het bestand (% stappen) en op de server (%) verschillen', NEW.id,
                        steps, events USING ERRCODE = '23514';
                END IF;
                SELECT count(*) INTO differing FROM rm_case_event e
                CROSS JOIN LATERAL (SELECT NEW.content::json->'history'->(e.seq - 1) AS step) s
                WHERE e.organisation_id = NEW.organisation_id AND e.case_id = NEW.id
                  AND (s.step->>'at' IS DISTINCT FROM e.happened_at OR s.step->>'by' IS DISTINCT FROM e.by_login::text
                       OR s.step->>'action' IS DISTINCT FROM e.action OR s.step->>'field' IS DISTINCT FROM e.field
                       OR s.step->>'old' IS DISTINCT FROM e.old_value OR s.step->>'new' IS DISTINCT FROM e.new_value
                       OR s.step->>'reason' IS DISTINCT FROM e.reason OR coalesce(s.step->>'contentHash', '') IS DISTINCT FROM e.content_hash);
                IF differing > 0 THEN
                    RAISE EXCEPTION 'casus %: % stap(pen) van de geschiedenis in het bestand wijken af van de server; de geschiedenis wordt alleen aangevuld',
                        NEW.id, differing USING ERRCODE = '23514';
                END IF;
                RETURN NULL;
            END $$
            """,
            "DROP POLICY rm_add ON rm_submission",
            "ALTER TABLE rm_submission DROP CONSTRAINT rm_submission_pkey",
            "ALTER TABLE rm_submission ADD PRIMARY KEY (organisation_id, by_login, submission)",
            """
            CREATE POLICY rm_add ON rm_submission FOR INSERT TO \(worker) WITH CHECK (
                organisation_id = rm_my_organisation() AND by_login = session_user AND EXISTS (
                    SELECT 1 FROM rm_case c WHERE c.organisation_id = rm_submission.organisation_id AND c.id = rm_submission.case_id
                      AND c.author = session_user))
            """,
        ]
    }
}
