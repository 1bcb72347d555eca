extension Schema {
    /// Found by helper-23 after migration 17:
    /// - `BSN 36625851, 45 jaar`: eight digits after a label, then another number, were read as
    ///   ten digits whose first nine fail the eleven-test, so the BSN without its leading zero
    ///   passed in the app and on the server. Both eight (with a zero before them) and nine are
    ///   tried now;
    /// - the app read any character that is not ASCII as a letter, the server as no letter, so
    ///   `BSN “36625851”` (curly quotes) was refused only by the server; the app now reads such a
    ///   character as neither letter nor digit, as the server does (`BSN.plain(_:)`);
    /// - characters that show blank but are no space (the Hangul filler, the blank braille cell)
    ///   and commas that are not ASCII now separate digits, from the app's own list;
    /// - PostgreSQL still logged a BSN quoted in the message of a malformed statement typed in
    ///   `psql` (`syntax error at or near "123456782"`). A superuser's `database migrate` now sets
    ///   `log_min_messages = fatal` for the database: statement errors are not logged at all (the
    ///   app shows them to the user); a server administrator who needs them sets it back.
    static var version18: [String] {
        [
            hasBSNFunction(labelled: """
                    IF rm_eleven_test(left(digits, 9)) OR length(digits) >= 8 AND rm_eleven_test('0' || left(digits, 8)) THEN RETURN true; END IF;
            """),
            """
            DO $$ BEGIN
                IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    EXECUTE format('ALTER DATABASE %I SET log_min_messages = fatal', current_database());
                END IF;
            END $$
            """,
        ]
    }
}
