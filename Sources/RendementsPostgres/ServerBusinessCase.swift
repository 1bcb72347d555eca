import Foundation
import PostgresNIO
import RendementsDomain
import RendementsStorage

/// What the app asks of a business case on the server. Every call runs as the login of
/// the session, so the server's roles and row-level security decide what it may see and do.
public struct ServerBusinessCase: Sendable {
    let session: ServerSession

    public init(_ session: ServerSession) { self.session = session }

    // MARK: - Schema

    /// Applies the migrations the database lacks; returns the version before and after.
    public func migrate() async throws -> (from: Int, to: Int) {
        try await session.execute(Schema.bootstrap)
        let current = try await currentVersion()
        for migration in Schema.migrations where migration.version > current {
            try await session.transaction { session in
                for statement in migration.statements { try await session.execute(statement) }
                try await session.query("INSERT INTO rm_schema_version (version) VALUES (\(migration.version))")
            }
        }
        // Lists imported before version 14 get their prices as the app reads them (run as the owner).
        let unpriced = try await session.query("SELECT organisation_id, version, files::text FROM rm_price_list WHERE prices IS NULL")
        var lists: [(Int, String, String)] = []
        for try await row in unpriced.decode((Int, String, String).self) { lists.append(row) }
        for (organisation, version, json) in lists {
            guard let files = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else { continue }
            let prices = try Self.pricesJSON(files)
            try await session.query("UPDATE rm_price_list SET prices = \(prices)::jsonb WHERE organisation_id = \(organisation) AND version = \(version)")
        }
        return (current, try await currentVersion())
    }

    /// A price list's items as the app reads them, for the server's check of a re-pricing:
    /// code → [unit price as a case file writes it, price year, grade].
    static func pricesJSON(_ files: [String: String]) throws -> String {
        let read = PriceListReader.read(source: .memory(name: "prijslijst", files: files.mapValues { Data($0.utf8) }))
        var prices: [String: [Any]] = [:]
        for item in read.priceList?.items ?? [] { prices[item.code] = [item.price.plainText, item.priceYear, item.grade.rawValue] }
        return String(decoding: try JSONSerialization.data(withJSONObject: prices, options: [.sortedKeys]), as: UTF8.self)
    }

    func currentVersion() async throws -> Int {
        let rows = try await session.query("SELECT coalesce(max(version), 0) FROM rm_schema_version")
        for try await version in rows.decode(Int.self) { return version }
        return 0
    }

    // MARK: - Organisations and users (needs a login that may create roles)

    /// False when an organisation with this code was already there (nothing changes then).
    public func addOrganisation(code: String, name: String) async throws -> Bool {
        // The table's check says the same in PostgreSQL's English ("violates check constraint").
        guard code.range(of: "^[a-z0-9][a-z0-9-]{1,39}$", options: .regularExpression) != nil else {
            throw ServerError.rule("'\(code)' kan geen organisatiecode zijn: 2 tot 40 kleine letters, cijfers of -, beginnend met een letter of cijfer")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerError.rule("geef de organisatie een naam, zonder regeleinden of stuurtekens")
        }
        let rows = try await session.query("INSERT INTO rm_organisation (code, name) VALUES (\(code), \(name)) ON CONFLICT (code) DO NOTHING RETURNING id")
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// A login for one person, member of the group role of `role` and of one organisation.
    public func addUser(login: String, password: String, organisation: String, role: Schema.Role) async throws {
        guard login.range(of: "^[a-z][a-z0-9_.-]{1,62}$", options: .regularExpression) != nil else {
            throw ServerError.rule("'\(login)' kan geen inlognaam zijn: kleine letters, cijfers, _ . of -, beginnend met een letter")
        }
        guard !password.isEmpty, !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerError.rule("kies een wachtwoord zonder regeleinden of stuurtekens")
        }
        try await session.transaction { session in
            let rows = try await session.query("SELECT id FROM rm_organisation WHERE code = \(organisation)")
            var id: Int?
            for try await found in rows.decode(Int.self) { id = found }
            guard let id else { throw ServerError.rule("er is geen organisatie met code '\(organisation)'; voeg die eerst toe") }
            // Role names and passwords cannot be bound as parameters; both were checked above.
            let literal = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
            try await session.execute("CREATE ROLE \"\(login)\" LOGIN PASSWORD \(literal) IN ROLE \(role.groupRole)")
            try await session.query("INSERT INTO rm_member (login, organisation_id, role) VALUES (\(login), \(id), \(role.rawValue))")
        }
    }

    // MARK: - The organisation

    /// The login's organisation: its name and its business-case settings (`businesscase.json`), if set.
    public func organisation() async throws -> (name: String, settings: String?) {
        let rows = try await session.query("SELECT name, settings FROM rm_organisation WHERE id = rm_my_organisation()")
        for try await (name, settings) in rows.decode((String, String?).self) { return (name, settings) }
        throw ServerError.refused("de login '\(session.address.user)' hoort bij geen organisatie; vraag de beheerder om 'rendementsmeter database add-user'")
    }

    /// The login's role in its organisation, as the server's rules see it.
    public func role() async throws -> Schema.Role? {
        let rows = try await session.query("SELECT rm_my_role()")
        for try await name in rows.decode(String?.self) { return name.flatMap(Schema.Role.init(rawValue:)) }
        return nil
    }

    /// Stores the business case's settings, so every member values with the same ones.
    public func setSettings(_ settings: String) async throws {
        try await session.query("UPDATE rm_organisation SET settings = \(settings) WHERE id = rm_my_organisation()")
    }

    // MARK: - The price list

    /// What importing a price list version did.
    public enum PriceListOutcome: Equatable, Sendable {
        case imported, alreadyThere, conflict
    }

    /// Stores a price list's files under its version; a version is never replaced.
    public func importPriceList(version: String, name: String, files: [String: String]) async throws -> PriceListOutcome {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: files, options: [.sortedKeys]), as: UTF8.self)
        return try await session.transaction { session in
            let existing = try await session.query("SELECT files::text FROM rm_price_list WHERE version = \(version)")
            for try await stored in existing.decode(String.self) {
                let same = (try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: String]) == files
                return same ? .alreadyThere : .conflict
            }
            let prices = try Self.pricesJSON(files)
            try await session.query("INSERT INTO rm_price_list (version, name, files, prices) VALUES (\(version), \(name), \(json)::jsonb, \(prices)::jsonb)")
            return .imported
        }
    }

    /// The newest version of the price lists imported for the login's organisation, by its number
    /// (`VersionOrder`), not by when it was imported: an older list put on the server afterwards
    /// (to look at, or by mistake) would otherwise price everyone's new cases.
    public func newestPriceListVersion() async throws -> String? {
        var versions: [String] = []
        for try await version in try await session.query("SELECT version FROM rm_price_list").decode(String.self) { versions.append(version) }
        return versions.max { VersionOrder($0) < VersionOrder($1) }
    }

    /// The newest price list (`newestPriceListVersion`), as its files.
    public func newestPriceList() async throws -> (version: String, files: [String: String])? {
        guard let newest = try await newestPriceListVersion() else { return nil }
        let rows = try await session.query("SELECT version, files::text FROM rm_price_list WHERE version = \(newest)")
        for try await (version, json) in rows.decode((String, String).self) {
            guard let files = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else { return nil }
            return (version, files)
        }
        return nil
    }

    /// One case's figures for one law as the server holds them: what the sector view adds up
    /// without reading a case, written by the app that approved, re-priced or pushed it.
    public struct RecordedFigure: Equatable, Sendable {
        public let intervention: String
        public let year: Int
        public let avoidedCents: Int64
        public let deployedCents: Int64
        public let effortCents: Int64

        public init(intervention: String, year: Int, avoidedCents: Int64, deployedCents: Int64, effortCents: Int64) {
            (self.intervention, self.year) = (intervention, year)
            (self.avoidedCents, self.deployedCents, self.effortCents) = (avoidedCents, deployedCents, effortCents)
        }
    }

    /// The recorded figures of every case the login may read, by case id and law.
    public func recordedFigures() async throws -> [String: [String: RecordedFigure]] {
        var figures: [String: [String: RecordedFigure]] = [:]
        let rows = try await session.query("""
            SELECT case_id, law, intervention, year, avoided_cents, deployed_cents, effort_cents FROM rm_case_figure
            """)
        for try await (id, law, intervention, year, avoided, deployed, effort) in rows.decode((String, String, String, Int, Int64, Int64, Int64).self) {
            figures[id, default: [:]][law] = RecordedFigure(intervention: intervention, year: year, avoidedCents: avoided,
                                                            deployedCents: deployed, effortCents: effort)
        }
        return figures
    }

    // MARK: - Cases

    /// What loading one case did.
    public enum PushOutcome: Equatable, Sendable {
        case added
        /// The same case, with the same content, was already there.
        case alreadyThere
        /// A case with this id but other content is there; it is left as it is.
        case conflict(revision: Int)
    }

    /// Adds one case with its history and its valued totals per law, in one transaction; never overwrites.
    public func push(_ record: CaseRecord, content: String, perLaw: [String: Totals]) async throws -> PushOutcome {
        let hash = sha256Hex(Data(content.utf8))
        return try await session.transaction { session in
            // Two pushes of the same case at once: the second waits for the first and then finds it.
            let inserted = try await session.query("""
                INSERT INTO rm_case (id, status, author, revision, content, file_hash)
                VALUES (\(record.id), \(record.status.rawValue), \(record.author), 0, \(content), \(hash))
                ON CONFLICT (organisation_id, id) DO NOTHING RETURNING revision
                """)
            var added = false
            for try await _ in inserted.decode(Int.self) { added = true }
            if !added {
                let existing = try await session.query("SELECT file_hash, revision FROM rm_case WHERE id = \(record.id)")
                for try await (storedHash, revision) in existing.decode((String, Int).self) {
                    return storedHash == hash ? .alreadyThere : .conflict(revision: revision)
                }
                throw ServerError.rule("casus \(record.id) bestaat al, maar deze login mag hem niet zien")
            }
            try await Self.insertEvents(of: record, from: 0, session)
            try await Self.insertFigures(of: record, perLaw, session)
            return .added
        }
    }

    /// Every case the login may see, as its case file (the folder format).
    func storedFiles() async throws -> [(id: String, content: String)] {
        var files: [(id: String, content: String)] = []
        let rows = try await session.query("SELECT id, content FROM rm_case ORDER BY id")
        for try await (id, content) in rows.decode((String, String).self) { files.append((id, content)) }
        return files
    }

    // MARK: - The sector view

    /// One group of the sector view; groups below the thresholds are not returned at all.
    public typealias SectorRow = SectorGroup

    public func sector() async throws -> [SectorRow] {
        var result: [SectorRow] = []
        let rows = try await session.query("SELECT * FROM rm_sector()")
        for try await (intervention, law, year, cases, organisations, avoided, deployed, effort, median)
            in rows.decode((String, String, Int, Int, Int, Int64, Int64, Int64, Double?).self) {
            result.append(SectorRow(intervention: intervention, law: law, year: year, cases: cases, organisations: organisations,
                                    avoided: Money(cents: avoided), deployed: Money(cents: deployed), effort: Money(cents: effort),
                                    medianCaseRatio: median))
        }
        return result
    }
}
