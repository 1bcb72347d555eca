import RendementsDomain

extension Schema {
    /// Found by helper-21: digit groups joined by any of nine separators were read as one number,
    /// so about one in eleven amount lists (`22.938,81, 15.763,39`), time slots and date ranges was
    /// refused as a BSN, in the app and on the server. Now only a number written the way a BSN is
    /// written is refused (`BSN.candidates(in:)`): nine digits in a row, or groups of 3-3-3, 4-2-3,
    /// 2-2-2-3, 3-2-4 or nine single digits joined by one space, dot or dash throughout; other
    /// scripts' digits and invisible characters are read as in migration 15. The app warns about
    /// the rest (`BSN.lookalikes(in:)`); the server, which cannot ask, keeps what it cannot tell
    /// from an amount.
    ///
    /// The groups are read once, in order; each notation is tried where it would end, so a
    /// number is found next to others (`BSN 111222333, 45 jaar`) and a long run costs one pass.

    static var version16: [String] {
        // As released: migration 17 narrows these.
        let notations = "'9', '3,3,3', '4,2,3', '2,2,2,3', '3,2,4', '1,1,1,1,1,1,1,1,1'"
        let joins = "' ', '.', '-'"
        return [
            #"""
            CREATE OR REPLACE FUNCTION rm_has_bsn(input text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
            SET search_path = public, pg_temp AS $$
            DECLARE
                plain text := input;
                part text[];
                -- The last nine digit groups (a notation has at most nine), their lengths, and the one
                -- joining character before each ('' for anything else): one pass, however long the text.
                groups text[] := '{}';
                lengths int[] := '{}';
                joins text[] := '{}';
                notation text;
                shape int[];
                n int;
                start int;
            BEGIN
            \#(BSNCharacters.plainStatements())
                FOR part IN SELECT regexp_matches(plain, '([^0-9]*)([0-9]+)', 'g') LOOP
                    n := cardinality(groups);
                    groups := groups[greatest(1, n - 7):n] || part[2];
                    lengths := lengths[greatest(1, n - 7):n] || length(part[2]);
                    joins := joins[greatest(1, n - 7):n] || CASE WHEN n > 0 AND part[1] IN (\#(joins)) THEN part[1] ELSE '' END;
                    n := cardinality(groups);
                    FOREACH notation IN ARRAY ARRAY[\#(notations)] LOOP
                        shape := string_to_array(notation, ',')::int[];
                        start := n - cardinality(shape) + 1;
                        CONTINUE WHEN start < 1 OR shape[cardinality(shape)] <> lengths[n] OR lengths[start:n] <> shape;
                        CONTINUE WHEN cardinality(shape) > 1 AND (joins[n] = '' OR NOT joins[start + 1:n] <@ ARRAY[joins[n]]);
                        IF rm_eleven_test(array_to_string(groups[start:n], '')) THEN RETURN true; END IF;
                    END LOOP;
                END LOOP;
                RETURN false;
            END $$
            """#,
        ]
    }
}
