extension Schema {
    /// `import --database` as a beheerder: a case file from elsewhere goes in under the next
    /// id, keeping its author, and importing the same file again must find it rather than add
    /// it twice, as a worker's resent submission does. So a beheerder keeps submission keys
    /// too: their own, for a case of their own organisation (its author is someone else).
    static var version9: [String] {
        let beheerder = Role.beheerder.groupRole
        return [
            "CREATE POLICY rm_own_beheerder ON rm_submission FOR SELECT TO \(beheerder) USING (organisation_id = rm_my_organisation() AND by_login = session_user)",
            """
            CREATE POLICY rm_add_beheerder ON rm_submission FOR INSERT TO \(beheerder) WITH CHECK (
                organisation_id = rm_my_organisation() AND by_login = session_user AND EXISTS (
                    SELECT 1 FROM rm_case c WHERE c.organisation_id = rm_submission.organisation_id AND c.id = rm_submission.case_id))
            """,
            "GRANT SELECT, INSERT ON rm_submission TO \(beheerder)",
        ]
    }
}
