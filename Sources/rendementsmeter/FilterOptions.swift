import ArgumentParser
import RendementsDomain

/// The dashboard's filters on the command line, shared by report and export.
struct FilterOptions: ParsableArguments {
    @Flag(name: .long, help: "Tel alleen goedgekeurde casussen (standaard: ingediend en goedgekeurd).")
    var approvedOnly = false

    @Option(name: .long, help: ArgumentHelp("Alleen dit team.", valueName: "TEAM"))
    var team: String?

    @Option(name: .long, help: ArgumentHelp("Alleen deze interventie.", valueName: "NAAM"))
    var intervention: String?

    @Option(name: .long, help: ArgumentHelp("Alleen casussen die dit leefgebied raken: \(LifeDomain.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "CODE"))
    var domain: String?

    @Option(name: .long, help: ArgumentHelp("Casussen afgerond vanaf deze maand.", valueName: "JJJJ-MM"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Casussen afgerond tot en met deze maand.", valueName: "JJJJ-MM"))
    var to: String?

    func validate() throws {
        if let domain, LifeDomain(rawValue: domain) == nil {
            throw ValidationError("onbekend leefgebied '\(domain)'; kies uit \(LifeDomain.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for month in [from, to].compactMap({ $0 }) where CalendarDay(iso: month + "-01") == nil {
            throw ValidationError("'\(month)' is geen maand; schrijf jjjj-mm, bijvoorbeeld 2025-06")
        }
    }

    /// The filter options given, as typed: `--team, --from`.
    var given: [String] {
        (approvedOnly ? ["--approved-only"] : []) + [("--team", team), ("--intervention", intervention), ("--domain", domain), ("--from", from), ("--to", to)]
            .compactMap { $0.1 == nil ? nil : $0.0 }
    }

    var filter: CaseFilter {
        CaseFilter(selection: approvedOnly ? .approvedOnly : .submitted, fromMonth: from, toMonth: to, team: team,
                   intervention: intervention, lifeDomain: domain.flatMap(LifeDomain.init(rawValue:)))
    }
}
