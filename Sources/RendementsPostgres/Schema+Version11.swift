extension Schema {
    /// A case's status needs a step behind it: a sociaal werker could insert a new case as
    /// `ingediend` with no history in plain SQL, which the app then named as untrustworthy but
    /// the server had accepted. At commit, a case is `concept` with no status step, or its
    /// status is the one its last status or import step set.
    static var version11: [String] {
        [
            """
            CREATE FUNCTION rm_status_has_step() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                last_status text;
            BEGIN
                SELECT e.new_value INTO last_status FROM rm_case_event e
                WHERE e.organisation_id = NEW.organisation_id AND e.case_id = NEW.id AND e.action IN ('status', 'import')
                ORDER BY e.seq DESC LIMIT 1;
                IF coalesce(last_status, 'concept') IS DISTINCT FROM NEW.status THEN
                    RAISE EXCEPTION 'casus %: de status % staat niet zo in de geschiedenis (de laatste statusstap zegt %)', NEW.id,
                        NEW.status, coalesce(last_status, 'concept') USING ERRCODE = '23514';
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE CONSTRAINT TRIGGER rm_status_has_step AFTER INSERT OR UPDATE ON rm_case
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rm_status_has_step()
            """,
        ]
    }
}
