extension Schema {
    /// Found by a helper in `psql` after migration 19: `rm_take_case_lock` lent the lock of any
    /// case, so a reviewer could hold a concept or an approved case, or their own, and colleagues
    /// were told "X beoordeelt deze casus" for a case nobody may review. Now only a submitted case
    /// of someone else is lent: another status answers `closed` (the app re-reads the case and
    /// says why), one's own case is refused.
    static var version20: [String] {
        [
            takeCaseLock(lenders: "('beoordelaar', 'beheerder')", refusal: "alleen een beoordelaar of beheerder neemt een casus in behandeling"),
            // CREATE OR REPLACE keeps the grants of migration 19; said again so the rights read from here too.
            "REVOKE ALL ON FUNCTION rm_take_case_lock(text, text, boolean) FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION rm_take_case_lock(text, text, boolean) TO \(groupRoles([.beoordelaar, .beheerder]))",
        ]
    }

    /// `rm_take_case_lock` lending a case's lock to the roles in `lenders` (an SQL list) only,
    /// for a submitted case of someone else (migrations 20 and 22 say it in the same words).
    static func takeCaseLock(lenders: String, refusal: String) -> String {
        """
        CREATE OR REPLACE FUNCTION rm_take_case_lock(p_case text, p_window text, p_take_over boolean)
        RETURNS TABLE (lock_outcome text, lock_holder name, lock_minutes int)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            org int := rm_my_organisation();
            held rm_case_lock;
            case_status text;
            case_author name;
        BEGIN
            IF org IS NULL OR rm_my_role() NOT IN \(lenders) THEN
                RAISE EXCEPTION '\(refusal)' USING ERRCODE = '42501';
            END IF;
            SELECT c.status, c.author INTO case_status, case_author FROM rm_case c WHERE c.organisation_id = org AND c.id = p_case;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'casus % staat niet op de server', p_case USING ERRCODE = 'P0002';
            END IF;
            IF case_author = session_user THEN
                RAISE EXCEPTION 'je kunt je eigen casus niet beoordelen; vraag een collega' USING ERRCODE = '42501';
            END IF;
            IF case_status <> 'ingediend' THEN
                RETURN QUERY SELECT 'closed'::text, NULL::name, 0;
                RETURN;
            END IF;
        \(lendLock)
        END $$
        """
    }
}
