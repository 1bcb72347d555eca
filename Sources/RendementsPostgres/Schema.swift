import RendementsDomain

/// The database schema as numbered migrations. `database migrate` applies those a database
/// lacks, each in its own transaction, so running it again changes nothing.
///
/// What files can only detect, the server enforces here: organisations apart by row-level
/// security, identity from the login (`session_user`), history that is only ever appended,
/// no approval of one's own case, the status flow of the method, a revision check on every
/// write, and the sector view that never shows a case or a small group.
public enum Schema {
    /// The roles the app's logins are members of, with the Dutch names users know.
    public enum Role: String, CaseIterable, Sendable {
        case sociaalWerker = "sociaal-werker"
        case beoordelaar
        case manager
        case beheerder
        case sectorAnalist = "sector-analist"

        /// The PostgreSQL group role behind it.
        public var groupRole: String { "rm_" + rawValue.replacingOccurrences(of: "-", with: "_") }
    }

    /// Groups smaller than these are left out of the sector view.
    public static let sectorMinimumCases = SectorRules.minimumCases
    public static let sectorMinimumOrganisations = SectorRules.minimumOrganisations

    public static let bootstrap = "CREATE TABLE IF NOT EXISTS rm_schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"

    /// Each migration's statements, in order. Never edit a released one: add the next.
    public static let migrations: [(version: Int, statements: [String])] = [(1, version1), (2, version2), (3, version3), (4, version4), (5, version5), (6, version6), (7, version7), (8, version8), (9, version9), (10, version10), (11, version11), (12, version12), (13, version13), (14, version14), (15, version15), (16, version16), (17, version17), (18, version18), (19, version19), (20, version20), (21, version21), (22, version22)]

    public static var latestVersion: Int { migrations.map(\.version).max() ?? 0 }

    /// The status moves the domain allows, as SQL rows: the one flow, not a copy kept by hand.
    static var allowedMoves: String {
        CaseStatus.allCases.flatMap { from in
            CaseStatus.allCases.filter { from.canMove(to: $0) }.map { "('\(from.rawValue)', '\($0.rawValue)')" }
        }.joined(separator: ", ")
    }

    static var statuses: String { CaseStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") }

    static var roleNames: String { Role.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") }

    static func groupRoles(_ roles: [Role]) -> String { roles.map(\.groupRole).joined(separator: ", ") }

    /// A reviewer approving in the app stores the case's figures with the approval, so the
    /// sector view counts cases entered and reviewed on the server too. Only for a colleague's
    /// submitted case, in the transaction that approves it: a worker still writes no figures.
    static var version4: [String] {
        let reviewer = Role.beoordelaar.groupRole
        let decidable = """
            organisation_id = rm_my_organisation() AND EXISTS (
                SELECT 1 FROM rm_case c WHERE c.organisation_id = rm_case_figure.organisation_id AND c.id = rm_case_figure.case_id
                  AND c.status = 'ingediend' AND c.author <> session_user)
            """
        return [
            "DROP POLICY rm_write ON rm_case_figure",
            "CREATE POLICY rm_push ON rm_case_figure FOR INSERT TO \(Role.beheerder.groupRole) WITH CHECK (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_approval ON rm_case_figure FOR INSERT TO \(reviewer) WITH CHECK (\(decidable))",
            "CREATE POLICY rm_approval_replaces ON rm_case_figure FOR DELETE TO \(reviewer) USING (\(decidable))",
            "GRANT INSERT, DELETE ON rm_case_figure TO \(reviewer)",
        ]
    }

    /// Found by a helper with plain SQL: a case could be inserted as approved, its status or
    /// content changed without an event, its figures rewritten, its history truncated. Now
    /// the columns must agree with the case file, every change of status or content needs its
    /// event, history length and events agree at commit, figures are written only with a
    /// pushed case, and the sector view counts only cases with an approval event.
    static var version3: [String] {
        let writers = groupRoles([.sociaalWerker, .beoordelaar, .beheerder])
        return [
            """
            ALTER TABLE rm_case ADD CONSTRAINT rm_case_matches_file CHECK (
                (content::json->>'id') IS NOT DISTINCT FROM id
                AND (content::json->>'status') IS NOT DISTINCT FROM status
                AND (content::json->>'author') IS NOT DISTINCT FROM author::text)
            """,
            """
            CREATE OR REPLACE FUNCTION rm_case_rules() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                latest rm_case_event%ROWTYPE;
                events int;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF rm_my_role() IS DISTINCT FROM 'beheerder' AND NEW.author <> session_user THEN
                        RAISE EXCEPTION 'alleen een beheerder zet casussen van anderen op de server' USING ERRCODE = '42501';
                    END IF;
                    IF rm_my_role() IS DISTINCT FROM 'beheerder' AND NEW.status NOT IN ('concept', 'ingediend') THEN
                        RAISE EXCEPTION 'een nieuwe casus is een concept of ingediend, nooit meteen %', NEW.status USING ERRCODE = '42501';
                    END IF;
                    RETURN NEW;
                END IF;
                IF NEW.organisation_id <> OLD.organisation_id OR NEW.id <> OLD.id OR NEW.author <> OLD.author THEN
                    RAISE EXCEPTION 'een casus houdt zijn organisatie, id en auteur' USING ERRCODE = '23514';
                END IF;
                IF NEW.revision <> OLD.revision + 1 THEN
                    RAISE EXCEPTION 'casus % is intussen gewijzigd (versie %); haal de huidige versie op', OLD.id, OLD.revision USING ERRCODE = '40001';
                END IF;
                IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (\(allowedMoves)) THEN
                    RAISE EXCEPTION 'de status kan niet van % naar %', OLD.status, NEW.status USING ERRCODE = '23514';
                END IF;
                IF NEW.status = 'goedgekeurd' AND OLD.status <> 'goedgekeurd' AND NEW.author = session_user THEN
                    RAISE EXCEPTION 'niemand keurt zijn eigen casus goed' USING ERRCODE = '42501';
                END IF;
                SELECT * INTO latest FROM rm_case_event
                WHERE organisation_id = NEW.organisation_id AND case_id = NEW.id ORDER BY seq DESC LIMIT 1;
                IF NEW.status <> OLD.status AND (latest.action IS DISTINCT FROM 'status' OR latest.new_value IS DISTINCT FROM NEW.status) THEN
                    RAISE EXCEPTION 'een statuswijziging hoort bij een gebeurtenis in de geschiedenis (eerst de gebeurtenis, dan de casus)' USING ERRCODE = '23514';
                END IF;
                SELECT count(*) INTO events FROM rm_case_event WHERE organisation_id = NEW.organisation_id AND case_id = NEW.id;
                IF NEW.content <> OLD.content AND events <= coalesce(json_array_length(OLD.content::json->'history'), 0) THEN
                    RAISE EXCEPTION 'een wijziging van casus % hoort bij een nieuwe gebeurtenis in de geschiedenis', NEW.id USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$
            """,
            // At commit: the case file's history and the history rows tell the same length.
            """
            CREATE FUNCTION rm_history_complete() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                events int;
            BEGIN
                SELECT count(*) INTO events FROM rm_case_event WHERE organisation_id = NEW.organisation_id AND case_id = NEW.id;
                IF coalesce(json_array_length(NEW.content::json->'history'), 0) <> events THEN
                    RAISE EXCEPTION 'casus %: de geschiedenis in het bestand (% stappen) en op de server (%) verschillen', NEW.id,
                        coalesce(json_array_length(NEW.content::json->'history'), 0), events USING ERRCODE = '23514';
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE CONSTRAINT TRIGGER rm_history_complete AFTER INSERT OR UPDATE ON rm_case
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rm_history_complete()
            """,
            "CREATE TRIGGER rm_case_no_truncate BEFORE TRUNCATE ON rm_case FOR EACH STATEMENT EXECUTE FUNCTION rm_history_is_append_only()",
            "CREATE TRIGGER rm_event_no_truncate BEFORE TRUNCATE ON rm_case_event FOR EACH STATEMENT EXECUTE FUNCTION rm_history_is_append_only()",
            // Figures come with a pushed case and are never rewritten.
            "REVOKE INSERT, DELETE ON rm_case_figure FROM \(writers)",
            "GRANT INSERT ON rm_case_figure TO \(Role.beheerder.groupRole)",
            """
            CREATE OR REPLACE FUNCTION rm_sector() RETURNS TABLE (intervention text, law text, year int, cases bigint, organisations bigint,
                avoided_cents bigint, deployed_cents bigint, effort_cents bigint, median_case_ratio double precision)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                WITH approved AS (
                    SELECT f.* FROM rm_case_figure f JOIN rm_case c ON c.organisation_id = f.organisation_id AND c.id = f.case_id
                    WHERE c.status = 'goedgekeurd' AND EXISTS (
                        SELECT 1 FROM rm_case_event e
                        WHERE e.organisation_id = c.organisation_id AND e.case_id = c.id AND e.action = 'status'
                          AND e.new_value = 'goedgekeurd' AND e.content_hash <> '' AND e.by_login <> c.author)),
                per_case AS (
                    SELECT organisation_id, case_id, sum(avoided_cents)::double precision AS avoided,
                           sum(deployed_cents + effort_cents)::double precision AS cost
                    FROM approved GROUP BY organisation_id, case_id)
                SELECT a.intervention, a.law, a.year, count(*), count(DISTINCT a.organisation_id),
                       sum(a.avoided_cents)::bigint, sum(a.deployed_cents)::bigint, sum(a.effort_cents)::bigint,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN p.cost > 0 THEN p.avoided / p.cost END)
                FROM approved a JOIN per_case p ON p.organisation_id = a.organisation_id AND p.case_id = a.case_id
                GROUP BY a.intervention, a.law, a.year
                HAVING count(*) >= \(sectorMinimumCases) AND count(DISTINCT a.organisation_id) >= \(sectorMinimumOrganisations)
                ORDER BY 1, 2, 3
            $$
            """,
        ]
    }

    /// The price list lives on the server too, versioned, so every member prices with the
    /// same list. A version, once imported, never changes.
    static var version2: [String] {
        let readers = groupRoles([.sociaalWerker, .beoordelaar, .manager, .beheerder])
        return [
            """
            CREATE TABLE rm_price_list (
                organisation_id int NOT NULL DEFAULT rm_my_organisation() REFERENCES rm_organisation,
                version text NOT NULL,
                name text NOT NULL,
                imported_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                files jsonb NOT NULL,
                PRIMARY KEY (organisation_id, version))
            """,
            "ALTER TABLE rm_price_list ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY rm_read ON rm_price_list FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_add ON rm_price_list FOR INSERT TO \(Role.beheerder.groupRole) WITH CHECK (organisation_id = rm_my_organisation())",
            "GRANT SELECT ON rm_price_list TO \(readers)",
            "GRANT INSERT ON rm_price_list TO \(Role.beheerder.groupRole)",
        ]
    }

    static var version1: [String] {
        let readers = groupRoles([.sociaalWerker, .beoordelaar, .manager, .beheerder])
        let writers = groupRoles([.sociaalWerker, .beoordelaar, .beheerder])
        return Role.allCases.map { role in
            "DO $$ BEGIN CREATE ROLE \(role.groupRole) NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        } + [
            """
            CREATE FUNCTION rm_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'rm_case' THEN
                    RAISE EXCEPTION 'een casus wordt nooit verwijderd' USING ERRCODE = '42501';
                END IF;
                RAISE EXCEPTION 'de geschiedenis wordt alleen aangevuld, nooit gewijzigd of verwijderd' USING ERRCODE = '42501';
            END $$
            """,
            """
            CREATE TABLE rm_organisation (
                id serial PRIMARY KEY,
                code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
                name text NOT NULL,
                settings text)
            """,
            """
            CREATE TABLE rm_member (
                login name PRIMARY KEY,
                organisation_id int NOT NULL REFERENCES rm_organisation,
                role text NOT NULL CHECK (role IN (\(roleNames))))
            """,
            // Who is asking is the login, never something the client says.
            """
            CREATE FUNCTION rm_my_organisation() RETURNS int LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
            AS $$ SELECT organisation_id FROM rm_member WHERE login = session_user $$
            """,
            """
            CREATE FUNCTION rm_my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
            AS $$ SELECT role FROM rm_member WHERE login = session_user $$
            """,
            """
            CREATE TABLE rm_case (
                organisation_id int NOT NULL DEFAULT rm_my_organisation() REFERENCES rm_organisation,
                id text NOT NULL,
                status text NOT NULL CHECK (status IN (\(statuses))),
                author name NOT NULL,
                revision int NOT NULL DEFAULT 0,
                -- The case file as the folder holds it, and its SHA-256: the same file twice is one case.
                content text NOT NULL,
                file_hash text NOT NULL,
                PRIMARY KEY (organisation_id, id))
            """,
            """
            CREATE TABLE rm_case_event (
                organisation_id int NOT NULL,
                case_id text NOT NULL,
                seq int NOT NULL,
                happened_at text NOT NULL,
                by_login name NOT NULL,
                action text NOT NULL,
                field text NOT NULL,
                old_value text NOT NULL,
                new_value text NOT NULL,
                reason text NOT NULL,
                content_hash text NOT NULL DEFAULT '',
                PRIMARY KEY (organisation_id, case_id, seq),
                FOREIGN KEY (organisation_id, case_id) REFERENCES rm_case,
                -- An approval records the content it approved.
                CHECK (NOT (action = 'status' AND new_value = 'goedgekeurd' AND content_hash = '')))
            """,
            // Per case and law, valued by the app with the organisation's price list: what
            // reports and the sector view add up without reading a case.
            """
            CREATE TABLE rm_case_figure (
                organisation_id int NOT NULL,
                case_id text NOT NULL,
                law text NOT NULL,
                intervention text NOT NULL,
                year int NOT NULL,
                avoided_cents bigint NOT NULL,
                deployed_cents bigint NOT NULL,
                effort_cents bigint NOT NULL,
                PRIMARY KEY (organisation_id, case_id, law),
                FOREIGN KEY (organisation_id, case_id) REFERENCES rm_case)
            """,
            """
            CREATE FUNCTION rm_case_rules() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF rm_my_role() IS DISTINCT FROM 'beheerder' AND NEW.author <> session_user THEN
                        RAISE EXCEPTION 'alleen een beheerder zet casussen van anderen op de server' USING ERRCODE = '42501';
                    END IF;
                    RETURN NEW;
                END IF;
                IF NEW.organisation_id <> OLD.organisation_id OR NEW.id <> OLD.id OR NEW.author <> OLD.author THEN
                    RAISE EXCEPTION 'een casus houdt zijn organisatie, id en auteur' USING ERRCODE = '23514';
                END IF;
                IF NEW.revision <> OLD.revision + 1 THEN
                    RAISE EXCEPTION 'casus % is intussen gewijzigd (versie %); haal de huidige versie op', OLD.id, OLD.revision USING ERRCODE = '40001';
                END IF;
                IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (\(allowedMoves)) THEN
                    RAISE EXCEPTION 'de status kan niet van % naar %', OLD.status, NEW.status USING ERRCODE = '23514';
                END IF;
                IF NEW.status = 'goedgekeurd' AND OLD.status <> 'goedgekeurd' AND NEW.author = session_user THEN
                    RAISE EXCEPTION 'niemand keurt zijn eigen casus goed' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_case_rules BEFORE INSERT OR UPDATE ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_case_rules()",
            "CREATE TRIGGER rm_case_no_delete BEFORE DELETE ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_history_is_append_only()",
            """
            CREATE FUNCTION rm_event_rules() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                case_author name;
            BEGIN
                SELECT author INTO case_author FROM rm_case WHERE organisation_id = NEW.organisation_id AND id = NEW.case_id;
                IF NEW.action = 'status' AND NEW.new_value = 'goedgekeurd' AND NEW.by_login = case_author THEN
                    RAISE EXCEPTION 'niemand keurt zijn eigen casus goed' USING ERRCODE = '42501';
                END IF;
                IF rm_my_role() IS DISTINCT FROM 'beheerder' AND NEW.by_login <> session_user THEN
                    RAISE EXCEPTION 'een wijziging staat op naam van wie hem doet' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_event_rules BEFORE INSERT ON rm_case_event FOR EACH ROW EXECUTE FUNCTION rm_event_rules()",
            "CREATE TRIGGER rm_event_append_only BEFORE UPDATE OR DELETE ON rm_case_event FOR EACH ROW EXECUTE FUNCTION rm_history_is_append_only()",
            "ALTER TABLE rm_organisation ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE rm_member ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE rm_case ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE rm_case_event ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE rm_case_figure ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY rm_own_organisation ON rm_organisation FOR SELECT TO \(readers) USING (id = rm_my_organisation())",
            "CREATE POLICY rm_settings ON rm_organisation FOR UPDATE TO \(Role.beheerder.groupRole) USING (id = rm_my_organisation())",
            "GRANT UPDATE (settings) ON rm_organisation TO \(Role.beheerder.groupRole)",
            "CREATE POLICY rm_own_organisation ON rm_member FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_read ON rm_case FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_add ON rm_case FOR INSERT TO \(groupRoles([.sociaalWerker, .beheerder])) WITH CHECK (organisation_id = rm_my_organisation())",
            """
            CREATE POLICY rm_author_edits ON rm_case FOR UPDATE TO \(Role.sociaalWerker.groupRole)
            USING (organisation_id = rm_my_organisation() AND author = session_user AND status IN ('concept', 'teruggestuurd'))
            WITH CHECK (organisation_id = rm_my_organisation())
            """,
            """
            CREATE POLICY rm_reviewer_decides ON rm_case FOR UPDATE TO \(Role.beoordelaar.groupRole)
            USING (organisation_id = rm_my_organisation() AND author <> session_user AND status = 'ingediend')
            WITH CHECK (organisation_id = rm_my_organisation())
            """,
            "CREATE POLICY rm_read ON rm_case_event FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_add ON rm_case_event FOR INSERT TO \(writers) WITH CHECK (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_read ON rm_case_figure FOR SELECT TO \(readers) USING (organisation_id = rm_my_organisation())",
            "CREATE POLICY rm_write ON rm_case_figure FOR ALL TO \(writers) USING (organisation_id = rm_my_organisation()) WITH CHECK (organisation_id = rm_my_organisation())",
            "GRANT SELECT ON rm_organisation, rm_member, rm_case, rm_case_event, rm_case_figure TO \(readers)",
            "GRANT INSERT ON rm_case TO \(groupRoles([.sociaalWerker, .beheerder]))",
            "GRANT UPDATE ON rm_case TO \(groupRoles([.sociaalWerker, .beoordelaar]))",
            // History: inserted, never updated or deleted, by any role the app uses.
            "GRANT INSERT ON rm_case_event TO \(writers)",
            "GRANT INSERT, DELETE ON rm_case_figure TO \(writers)",
            // The sector view: aggregates of approved cases only, small groups left out.
            """
            CREATE FUNCTION rm_sector() RETURNS TABLE (intervention text, law text, year int, cases bigint, organisations bigint,
                avoided_cents bigint, deployed_cents bigint, effort_cents bigint, median_case_ratio double precision)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                WITH approved AS (
                    SELECT f.* FROM rm_case_figure f JOIN rm_case c ON c.organisation_id = f.organisation_id AND c.id = f.case_id
                    WHERE c.status = 'goedgekeurd'),
                per_case AS (
                    SELECT organisation_id, case_id, sum(avoided_cents)::double precision AS avoided,
                           sum(deployed_cents + effort_cents)::double precision AS cost
                    FROM approved GROUP BY organisation_id, case_id)
                SELECT a.intervention, a.law, a.year, count(*), count(DISTINCT a.organisation_id),
                       sum(a.avoided_cents)::bigint, sum(a.deployed_cents)::bigint, sum(a.effort_cents)::bigint,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN p.cost > 0 THEN p.avoided / p.cost END)
                FROM approved a JOIN per_case p ON p.organisation_id = a.organisation_id AND p.case_id = a.case_id
                GROUP BY a.intervention, a.law, a.year
                HAVING count(*) >= \(sectorMinimumCases) AND count(DISTINCT a.organisation_id) >= \(sectorMinimumOrganisations)
                ORDER BY 1, 2, 3
            $$
            """,
            "REVOKE ALL ON FUNCTION rm_sector() FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION rm_sector() TO \(Role.sectorAnalist.groupRole)",
        ]
    }
}
