import Testing
@testable import RendementsStorage

@Suite("CSV as spreadsheets write it")
struct CSVTableTests {
    @Test("comma separator with quoted fields, doubled quotes and a line break inside quotes")
    func commaQuoted() throws {
        let table = try CSVTable(text: "code,omschrijving,prijs\nA,\"Hulp, thuis\",\"1,50\"\nB,\"Zei \"\"ja\"\"\",2\nC,\"twee\nregels\",3\nD,x,4\n")
        #expect(table.separator == ",")
        #expect(table.header == ["code", "omschrijving", "prijs"])
        #expect(table.rows.map(\.fields) == [["A", "Hulp, thuis", "1,50"], ["B", "Zei \"ja\"", "2"], ["C", "twee\nregels", "3"], ["D", "x", "4"]])
        #expect(table.rows.map(\.line) == [2, 3, 4, 6], "a record that spans two lines moves the next one down")
    }

    @Test("semicolon separator, byte-order mark, CRLF, blank trailing rows")
    func dutchExcel() throws {
        let table = try CSVTable(text: "\u{FEFF}Code;Prijs\r\nA;1.234,56\r\n;\r\n\r\n")
        #expect(table.separator == ";")
        #expect(table.header == ["code", "prijs"])
        #expect(table.rows.map(\.fields) == [["A", "1.234,56"]])
    }

    @Test("an unclosed quote is reported where it opens")
    func unterminated() {
        #expect(throws: CSVTable.ParseError.unterminatedQuote(line: 3, column: 2)) {
            try CSVTable(text: "a;b\n1;2\n3;\"open\n4;5\n")
        }
    }

    @Test("text after a closing quote and a quote inside a field are refused")
    func strayQuotes() {
        #expect(throws: CSVTable.ParseError.textAfterQuote(line: 2, column: 1)) { try CSVTable(text: "a;b\n\"x\"y;2\n") }
        #expect(throws: CSVTable.ParseError.quoteInsideField(line: 2, column: 2)) { try CSVTable(text: "a;b\n1;ab\"c\n") }
        #expect(throws: CSVTable.ParseError.empty) { try CSVTable(text: "\n\n") }
    }
}
