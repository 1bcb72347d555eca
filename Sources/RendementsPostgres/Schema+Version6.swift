extension Schema {
    /// Found by a helper: a new case whose commit the app never heard of (the server stalled
    /// past the app's patience, then committed) was added twice when the worker submitted
    /// again. Each new case now records its submission's key; the same key again, from the
    /// same login, finds the case instead of adding another.
    static var version6: [String] {
        let worker = Role.sociaalWerker.groupRole
        return [
            """
            CREATE TABLE rm_submission (
                organisation_id int NOT NULL DEFAULT rm_my_organisation() REFERENCES rm_organisation,
                submission text NOT NULL,
                by_login name NOT NULL DEFAULT session_user,
                case_id text NOT NULL,
                PRIMARY KEY (organisation_id, submission),
                FOREIGN KEY (organisation_id, case_id) REFERENCES rm_case)
            """,
            "ALTER TABLE rm_submission ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY rm_own ON rm_submission FOR SELECT TO \(worker) USING (organisation_id = rm_my_organisation() AND by_login = session_user)",
            "CREATE POLICY rm_add ON rm_submission FOR INSERT TO \(worker) WITH CHECK (organisation_id = rm_my_organisation() AND by_login = session_user)",
            "GRANT SELECT, INSERT ON rm_submission TO \(worker)",
        ]
    }
}
