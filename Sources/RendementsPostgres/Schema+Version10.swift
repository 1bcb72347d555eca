extension Schema {
    /// Found by a helper: the schema's functions named tables without their schema, and
    /// PostgreSQL searches the caller's temporary schema first unless told otherwise. A
    /// sociaal werker's temporary `rm_member` made `rm_my_organisation()` answer another
    /// organisation (row-level security then showed and accepted its cases), and temporary
    /// `rm_case`, `rm_case_event` and `rm_case_figure` let `rm_sector_refresh` put a concept
    /// with invented amounts in the sector's figures. Also: with `SET CONSTRAINTS … IMMEDIATE`
    /// a case whose approval event came last was left out of the sector's figures.
    ///
    /// Now every function of the schema, with the owner's rights or the caller's, searches
    /// `public` before `pg_temp`; no role the app uses makes temporary tables or creates
    /// anything in `public`; and an inserted event refreshes its case's sector figures too.
    /// A later migration that adds a function must give it the same `search_path` (a test
    /// checks every `rm_` function).
    static var version10: [String] {
        [
            """
            DO $$
            DECLARE
                f regprocedure;
            BEGIN
                FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = 'public' AND p.proname LIKE 'rm\\_%' LOOP
                    EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_temp', f);
                END LOOP;
            END $$
            """,
            "DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            """
            CREATE CONSTRAINT TRIGGER rm_sector_events AFTER INSERT ON rm_case_event
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rm_sector_case_changed()
            """,
        ]
    }
}
