import RendementsDomain

/// The characters `BSN.candidates(in:)` treats specially, as PostgreSQL regular-expression
/// brackets and `translate` lists, made from the app's own rules and Unicode tables: the server's
/// reading of a BSN then follows the app's in every script (a helper found Bengali, Thai and
/// mathematical digits, keycap emoji and variation selectors passing a hand-made list).
enum BSNCharacters {
    /// Every Unicode scalar that can matter: the planes with characters (0 and 1) and the tags and
    /// variation selectors of plane 14.
    private static let scalars: [Unicode.Scalar] = (Array(0x80...0x1_FFFF) + Array(0xE_0000...0xE_0FFF)).compactMap(Unicode.Scalar.init)

    /// Decimal digits of other scripts, and the ASCII digit of each, for `translate`.
    static let digits: (from: String, to: String) = {
        var from = String.UnicodeScalarView()
        var to = String.UnicodeScalarView()
        for scalar in scalars {
            guard let ascii = BSN.asciiDigit(scalar) else { continue }
            from.append(scalar)
            to.append(Unicode.Scalar(ascii))
        }
        return (String(from), String(to))
    }()

    /// A bracket matching any of the other scripts' digits.
    static let digitBracket = bracket { BSN.asciiDigit($0) != nil }

    /// A bracket matching what shows as nothing (format characters, combining marks).
    static let invisibleBracket = bracket(BSN.isInvisible)

    /// A bracket matching the separators that are not ASCII (Unicode spaces, dashes, …).
    static let separatorBracket = bracket(BSN.isSeparator)

    /// The start of `rm_has_bsn`, in PL/pgSQL: ends with false when the text `plain` holds fewer than
    /// `fewestDigits` digits, and otherwise makes it plain as `BSN.plain(_:)` does (other scripts' digits as
    /// ASCII, invisible characters dropped, other separators as a space).
    static func plainStatements(fewestDigits: Int = 9) -> String {
        #"""
                        IF plain IS NULL THEN RETURN false; END IF;
                        IF plain ~ '\#(digitBracket)' THEN
                            plain := translate(plain, '\#(digits.from)', '\#(digits.to)');
                        END IF;
                        -- Most texts hold fewer than nine digits in all.
                        IF length(regexp_replace(plain, '[^0-9]', '', 'g')) < \#(fewestDigits) THEN RETURN false; END IF;
                        plain := regexp_replace(plain, '\#(invisibleBracket)', '', 'g');
                        plain := regexp_replace(plain, '\#(separatorBracket)', ' ', 'g');
        """#
    }

    /// `[\u0300-\u036F\U000E0001…]`: the matching scalars as ranges, in the escapes PostgreSQL's
    /// regular expressions read (the text holds the backslashes; a standard string keeps them).
    private static func bracket(_ matches: (Unicode.Scalar) -> Bool) -> String {
        var ranges: [ClosedRange<UInt32>] = []
        for scalar in scalars where matches(scalar) {
            if let last = ranges.last, last.upperBound + 1 == scalar.value {
                ranges[ranges.count - 1] = last.lowerBound...scalar.value
            } else {
                ranges.append(scalar.value...scalar.value)
            }
        }
        func escape(_ value: UInt32) -> String {
            let hex = String(value, radix: 16, uppercase: true)
            return value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return "[" + ranges.map { $0.count == 1 ? escape($0.lowerBound) : escape($0.lowerBound) + "-" + escape($0.upperBound) }.joined() + "]"
    }
}
