import Foundation
import Testing

@Suite("The dashboard and the exports, run for real", .serialized)
struct DashboardEndToEndTests {
    @Test("open the dashboard, filter to one team, drill down to a case and come back")
    func drillDown() throws {
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "manager"])
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Right", "Right", "Enter")
        try session.waitFor("Dashboard — Voorbeeld")
        try keys.press("2", "2")   // the second team in alphabetical order
        let filtered = try session.waitFor("team Team Noord")
        #expect(filtered.contains("· 2 casussen"))
        try keys.press("Tab", "Tab", "Enter")
        let cases = try session.waitFor("dashboard: ")
        #expect(cases.contains("C-0003"))
        try keys.press("Enter")
        try session.waitFor("auteur sw-anouk")
        try keys.press("Escape", "Escape")
        let back = try session.waitFor("Per groep")
        #expect(back.contains("team Team Noord"), "the filter is kept when coming back")
        try keys.press("q")
        try session.waitFor("EXIT=0")
    }

    @Test("the HTML report renders in headless Chromium to a picture that is not blank")
    func htmlInBrowser() throws {
        let scratch = try Scratch()
        let html = scratch.url.appendingPathComponent("rapport.html")
        let png = scratch.url.appendingPathComponent("rapport.png")
        let export = try Binary.run(["export", "--format", "html", "--out", html.path])
        #expect(export.status == 0, "\(export.stderr)")
        let report = try Binary.run(["report"]).stdout
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(report.contains("€ 5.162,15") && text.contains("id=\"totaal-netto\">€ 5.162,15<"))
        let render = try Binary.execute("/bin/bash", [Binary.root.appendingPathComponent(".ci/render-html.sh").path, html.path, png.path])
        #expect(render.status == 0, "render: \(render.stdout) \(render.stderr)")
        #expect(render.stdout.hasPrefix("png 1000x1400"))
        #expect(FileManager.default.fileExists(atPath: png.path))
    }

    @Test("export per case, with filters, and a bad filter explained")
    func exportPerCase() throws {
        let perCase = try Binary.run(["export", "--format", "csv", "--per", "case", "--team", "Team Centrum", "--approved-only"])
        #expect(perCase.status == 0)
        #expect(perCase.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        #expect(perCase.stdout.contains("C-0004,goedgekeurd,sw-chris,Jongerenwerk,Team Centrum"))
        let bad = try Binary.run(["report", "--from", "juni"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'juni' is geen maand; schrijf jjjj-mm, bijvoorbeeld 2025-06"))
    }
}
