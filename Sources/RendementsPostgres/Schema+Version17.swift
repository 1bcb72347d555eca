import RendementsDomain

extension Schema {
    /// Found by helper-22 after migration 16:
    /// - ordinary texts were still refused as a BSN: ZRM score lists (`4 1 2 5 4 5 4 1 5 5 2 4 5`,
    ///   four in ten, read as nine single digits), old bank account numbers (2-2-2-3), a mobile
    ///   number after +31, file numbers that start with a year and a month (`2024 03 117`). Only
    ///   9, 3-3-3 and 4-2-3 are refused now, and not after +31 or 0031, nor a year and a month;
    /// - BSNs copied by accident passed: with an en space or em space from a PDF, with Excel's
    ///   commas (`123,456,782`), in form boxes after the word BSN (`BSN |1|2|3|…`) or with the
    ///   leading zero dropped (`BSN 12345672`). Any Unicode space or dash separates now, a comma
    ///   joins, and eight or nine digits right after a label (`BSN.labelled(in:)`) are read;
    /// - the server's log kept a refused statement typed in `psql`, BSN and all, and the data
    ///   of a malformed JSON value in its context line. A superuser's `database migrate` sets
    ///   `log_min_error_statement = panic` and `log_error_verbosity = terse` for the database: an
    ///   error is logged as its message only, which names the place, never the number.
    ///
    /// `rm_has_bsn` reads a text as `BSN.candidates(in:)` does, from the app's own lists; a test
    /// compares the two on some 500 texts.
    static var version17: [String] {
        [
            hasBSNFunction(labelled: """
                    IF length(digits) = 8 THEN digits := '0' || digits; END IF;
                    IF rm_eleven_test(left(digits, 9)) THEN RETURN true; END IF;
            """),
            """
            DO $$ BEGIN
                IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    EXECUTE format('ALTER DATABASE %I SET log_min_error_statement = panic', current_database());
                    EXECUTE format('ALTER DATABASE %I SET log_error_verbosity = terse', current_database());
                END IF;
            END $$
            """,
        ]
    }

    /// `rm_has_bsn` as `BSN.candidates(in:)` reads a text; `labelled` decides on the `digits`
    /// found after a label (migration 18 reads both eight and nine of them).
    static func hasBSNFunction(labelled: String) -> String {
        let notations = BSN.notationGroups.map { "'\($0.map(String.init).joined(separator: ","))'" }.joined(separator: ", ")
        let joins = BSN.joiningSeparators.map { "'\(String(UnicodeScalar($0)))'" }.joined(separator: ", ")
        let labels = BSN.labels.joined(separator: "|")
        return #"""
            CREATE OR REPLACE FUNCTION rm_has_bsn(input text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            DECLARE
                plain text := input;
                part text[];
                -- The last three digit groups (a notation has at most three), their lengths, the one
                -- joining character before each ('' for anything else) and whether a + stands right
                -- before it: one pass, however long the text.
                groups text[] := '{}';
                lengths int[] := '{}';
                joins text[] := '{}';
                plus boolean[] := '{}';
                notation text;
                shape int[];
                n int;
                start int;
                digits text;
            BEGIN
            \#(BSNCharacters.plainStatements(fewestDigits: 8))
                FOR part IN SELECT regexp_matches(plain, '([^0-9]*)([0-9]+)', 'g') LOOP
                    n := cardinality(groups);
                    groups := groups[greatest(1, n - 1):n] || part[2];
                    lengths := lengths[greatest(1, n - 1):n] || length(part[2]);
                    joins := joins[greatest(1, n - 1):n] || CASE WHEN n > 0 AND part[1] IN (\#(joins)) THEN part[1] ELSE '' END;
                    plus := plus[greatest(1, n - 1):n] || (right(part[1], 1) = '+');
                    n := cardinality(groups);
                    FOREACH notation IN ARRAY ARRAY[\#(notations)] LOOP
                        shape := string_to_array(notation, ',')::int[];
                        start := n - cardinality(shape) + 1;
                        CONTINUE WHEN start < 1 OR shape[cardinality(shape)] <> lengths[n] OR lengths[start:n] <> shape;
                        CONTINUE WHEN cardinality(shape) > 1 AND (joins[n] = '' OR NOT joins[start + 1:n] <@ ARRAY[joins[n]]);
                        -- A mobile number after the country code; a file number of a year and a month.
                        CONTINUE WHEN notation = '9' AND n > 1 AND joins[n] IN (' ', '-')
                            AND (groups[n - 1] = '0031' OR groups[n - 1] = '31' AND plus[n - 1]);
                        CONTINUE WHEN notation = '4,2,3' AND groups[start]::int BETWEEN 1900 AND 2099 AND groups[start + 1]::int BETWEEN 1 AND 12;
                        IF rm_eleven_test(array_to_string(groups[start:n], '')) THEN RETURN true; END IF;
                    END LOOP;
                END LOOP;
                -- Eight or nine digits right after a label, however they are set out (BSN.labelled).
                FOR part IN SELECT regexp_matches(lower(plain),
                        '(?<![a-z])(?:\#(labels))[^a-z0-9]*(?:(?:nummer|nr)[^a-z0-9]*)?([0-9][^a-z]{0,\#(BSN.labelReach - 1)})', 'g') LOOP
                    digits := regexp_replace(part[1], '[^0-9]', '', 'g');
            \#(labelled)
                END LOOP;
                RETURN false;
            END $$
            """#
    }
}
