extension Schema {
    /// Found by a helper with plain SQL as a sociaal werker: an event could be added to any
    /// case of the organisation without changing the case (a fake approval, or a row that
    /// blocked the case's history for good), one case numbered C-999999999 used up every id,
    /// and one damaged case file stopped every member's app from reading. Now an event takes
    /// the next number and must be the step the case file itself gained in the same
    /// transaction; a new case is numbered near the organisation's highest; the case file is
    /// checked for the fields every reader relies on; and the server computes its hash.
    /// Rows written before stay as they are (NOT VALID): a migration never fails on old data.
    static var version5: [String] {
        [
            "ALTER TABLE rm_case ADD CONSTRAINT rm_case_id_format CHECK (id ~ '^C-[0-9]{4,9}$') NOT VALID",
            """
            ALTER TABLE rm_case ADD CONSTRAINT rm_case_file_shape CHECK (
                json_typeof(content::json) = 'object'
                AND coalesce(json_typeof(content::json->'revision'), 'number') = 'number'
                AND coalesce(json_typeof(content::json->'history'), 'array') = 'array') NOT VALID
            """,
            // The hash is the server's own: a client cannot claim another file's.
            """
            CREATE FUNCTION rm_case_hash() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.file_hash := encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex');
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_case_hash BEFORE INSERT OR UPDATE ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_case_hash()",
            // A beheerder loading a folder keeps its numbers; anyone else takes one close to the
            // highest (room for colleagues adding at the same moment, not for using up the range).
            """
            CREATE FUNCTION rm_new_case_number() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                highest bigint;
            BEGIN
                IF NEW.id !~ '^C-[0-9]{4,9}$' THEN
                    RAISE EXCEPTION 'casusnummer % klopt niet: C- en dan vier tot negen cijfers, zoals C-0042', NEW.id USING ERRCODE = '23514';
                END IF;
                IF rm_my_role() IS NOT DISTINCT FROM 'beheerder' THEN
                    RETURN NEW;
                END IF;
                SELECT coalesce(max(substr(id, 3)::bigint), 0) INTO highest FROM rm_case
                WHERE organisation_id = NEW.organisation_id AND id ~ '^C-[0-9]{4,9}$';
                IF substr(NEW.id, 3)::bigint > highest + \(newCaseNumberRoom) THEN
                    RAISE EXCEPTION 'casusnummer % slaat te veel nummers over: een nieuwe casus krijgt een nummer vlak na het hoogste van de organisatie (%)',
                        NEW.id, highest USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_new_case_number BEFORE INSERT ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_new_case_number()",
            // Events come one after the other: no gap, no number taken ahead of the case.
            """
            CREATE FUNCTION rm_event_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                last int;
            BEGIN
                SELECT coalesce(max(seq), 0) INTO last FROM rm_case_event
                WHERE organisation_id = NEW.organisation_id AND case_id = NEW.case_id;
                IF NEW.seq <> last + 1 THEN
                    RAISE EXCEPTION 'gebeurtenis % van casus % past niet: de volgende is %', NEW.seq, NEW.case_id, last + 1 USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_event_next_seq BEFORE INSERT ON rm_case_event FOR EACH ROW EXECUTE FUNCTION rm_event_next_seq()",
            // At commit, every new event is the step the case file holds at that place: an event
            // comes only with the change of the case it records, which the case's own rules allow.
            """
            CREATE FUNCTION rm_event_in_history() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                step json;
            BEGIN
                SELECT content::json->'history'->(NEW.seq - 1) INTO step FROM rm_case
                WHERE organisation_id = NEW.organisation_id AND id = NEW.case_id;
                IF step IS NULL
                    OR step->>'at' IS DISTINCT FROM NEW.happened_at OR step->>'by' IS DISTINCT FROM NEW.by_login::text
                    OR step->>'action' IS DISTINCT FROM NEW.action OR step->>'field' IS DISTINCT FROM NEW.field
                    OR step->>'old' IS DISTINCT FROM NEW.old_value OR step->>'new' IS DISTINCT FROM NEW.new_value
                    OR step->>'reason' IS DISTINCT FROM NEW.reason OR coalesce(step->>'contentHash', '') IS DISTINCT FROM NEW.content_hash THEN
                    RAISE EXCEPTION 'gebeurtenis % van casus % staat niet zo in de casus zelf: een gebeurtenis hoort bij de wijziging van de casus die hij vastlegt',
                        NEW.seq, NEW.case_id USING ERRCODE = '23514';
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE CONSTRAINT TRIGGER rm_event_in_history AFTER INSERT ON rm_case_event
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rm_event_in_history()
            """,
        ]
    }

    /// How far past the organisation's highest case number a new case may be numbered.
    public static let newCaseNumberRoom = 1000
}
