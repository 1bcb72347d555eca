extension Schema {
    /// Case locks on the server, as `.locks/` gives them in a folder: a reviewer who opens a case
    /// a colleague is reviewing sees it read-only and is told who, before typing anything (before,
    /// the second save was refused after the work was done). A lock is a lease: the app renews it
    /// while it runs; one not renewed for two minutes is stale and may be taken over after asking.
    /// Only the functions write locks, always in the caller's own name and organisation.
    static var version19: [String] {
        let readers = groupRoles([.sociaalWerker, .beoordelaar, .manager, .beheerder])
        let lockers = groupRoles([.beoordelaar, .beheerder])
        return [
            """
            CREATE TABLE rm_case_lock (
                organisation_id int NOT NULL,
                case_id text NOT NULL,
                holder name NOT NULL,
                -- The app window that holds it: one login may have two apps open.
                holder_window text NOT NULL,
                since timestamptz NOT NULL DEFAULT now(),
                renewed timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (organisation_id, case_id),
                FOREIGN KEY (organisation_id, case_id) REFERENCES rm_case)
            """,
            "ALTER TABLE rm_case_lock ENABLE ROW LEVEL SECURITY",
            "REVOKE ALL ON rm_case_lock FROM PUBLIC",
            "GRANT SELECT ON rm_case_lock TO \(readers)",
            "CREATE POLICY rm_read ON rm_case_lock FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            """
            CREATE FUNCTION rm_take_case_lock(p_case text, p_window text, p_take_over boolean)
            RETURNS TABLE (lock_outcome text, lock_holder name, lock_minutes int)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                org int := rm_my_organisation();
                held rm_case_lock;
            BEGIN
                IF org IS NULL OR rm_my_role() NOT IN ('beoordelaar', 'beheerder') THEN
                    RAISE EXCEPTION 'alleen een beoordelaar of beheerder neemt een casus in behandeling' USING ERRCODE = '42501';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM rm_case c WHERE c.organisation_id = org AND c.id = p_case) THEN
                    RAISE EXCEPTION 'casus % staat niet op de server', p_case USING ERRCODE = 'P0002';
                END IF;
            \(lendLock)
            END $$
            """,
            """
            CREATE FUNCTION rm_renew_case_locks(p_window text) RETURNS int
            LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                WITH renewed AS (
                    UPDATE rm_case_lock SET renewed = now()
                    WHERE organisation_id = rm_my_organisation() AND holder = session_user AND holder_window = p_window
                    RETURNING 1)
                SELECT count(*)::int FROM renewed
            $$
            """,
            """
            CREATE FUNCTION rm_release_case_lock(p_case text, p_window text) RETURNS void
            LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DELETE FROM rm_case_lock
                WHERE organisation_id = rm_my_organisation() AND case_id = p_case AND holder = session_user AND holder_window = p_window
            $$
            """,
            "REVOKE ALL ON FUNCTION rm_take_case_lock(text, text, boolean), rm_renew_case_locks(text), rm_release_case_lock(text, text) FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION rm_take_case_lock(text, text, boolean), rm_renew_case_locks(text), rm_release_case_lock(text, text) TO \(lockers)",
        ]
    }

    /// How `rm_take_case_lock` lends a case's lock once the case may be reviewed (migrations 19
    /// and 20 say it in the same words, so the function reads the same after either).
    static let lendLock = """
            -- Twice: a lock released between the insert and the look at it is taken the second time.
            FOR attempt IN 1..2 LOOP
                INSERT INTO rm_case_lock AS l (organisation_id, case_id, holder, holder_window) VALUES (org, p_case, session_user, p_window)
                    ON CONFLICT (organisation_id, case_id) DO NOTHING;
                IF FOUND THEN
                    RETURN QUERY SELECT 'acquired'::text, session_user::name, 0;
                    RETURN;
                END IF;
                SELECT * INTO held FROM rm_case_lock l WHERE l.organisation_id = org AND l.case_id = p_case FOR UPDATE;
                CONTINUE WHEN NOT FOUND;
                IF held.holder = session_user AND held.holder_window = p_window THEN
                    UPDATE rm_case_lock l SET renewed = now() WHERE l.organisation_id = org AND l.case_id = p_case;
                    RETURN QUERY SELECT 'acquired'::text, session_user::name, 0;
                ELSIF held.renewed < now() - interval '2 minutes' AND p_take_over THEN
                    UPDATE rm_case_lock l SET holder = session_user, holder_window = p_window, since = now(), renewed = now()
                        WHERE l.organisation_id = org AND l.case_id = p_case;
                    RETURN QUERY SELECT 'acquired'::text, session_user::name, 0;
                ELSE
                    RETURN QUERY SELECT CASE WHEN held.renewed < now() - interval '2 minutes' THEN 'stale' ELSE 'held' END,
                        held.holder, floor(extract(epoch FROM now() - held.since) / 60)::int;
                END IF;
                RETURN;
            END LOOP;
            RAISE EXCEPTION 'de casus werd steeds tegelijk vergrendeld en vrijgegeven; probeer het opnieuw' USING ERRCODE = '40001';
        """
}
