import Foundation
import RendementsDomain

/// Turns cases into human-readable JSON and back, refusing unknown schema versions.
public enum CaseCodec {
    public static func encode(_ record: CaseRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }

    /// Decodes a case, or explains in Dutch what is wrong and where.
    public static func decode(_ data: Data) -> Result<CaseRecord, CaseFileError> {
        read(data, sealing: false).map(\.record)
    }

    /// A case read from its file, with the content seal read off the file's bytes (`WrittenSeal`)
    /// when it has a history to check it against (nil when it has none, or the bytes do not give one).
    struct SealedRecord {
        let record: CaseRecord
        let writtenSeal: String?
    }

    static func decodeSealed(_ data: Data) -> Result<SealedRecord, CaseFileError> { read(data, sealing: true) }

    private static func read(_ data: Data, sealing: Bool) -> Result<SealedRecord, CaseFileError> {
        // Read once: a readable case needs no separate look at its header (a second parse was
        // a tenth of reading a business case). The strict reader takes the files the app writes;
        // whatever it refuses, Foundation reads, and a file that fails is looked at again to say why.
        if let (record, document) = try? StrictJSONDecoder.decodeKeepingDocument(CaseRecord.self, from: data),
           CaseRecord.readableSchemaVersions.contains(record.schemaVersion) {
            return .success(SealedRecord(record: record, writtenSeal: sealing && !record.history.isEmpty ? WrittenSeal.hash(document) : nil))
        }
        return decodeByFoundation(data).map { SealedRecord(record: $0, writtenSeal: sealing && !$0.history.isEmpty ? WrittenSeal.hash(data) : nil) }
    }

    private static func decodeByFoundation(_ data: Data) -> Result<CaseRecord, CaseFileError> {
        let decoder = JSONDecoder()
        if let record = try? decoder.decode(CaseRecord.self, from: data), CaseRecord.readableSchemaVersions.contains(record.schemaVersion) {
            return .success(record)
        }
        struct Header: Decodable { let schemaVersion: Int? }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            return .failure(.notJSON(detail: syntaxDetail(data)))
        }
        guard let version = header.schemaVersion else { return .failure(.missingSchemaVersion) }
        guard CaseRecord.readableSchemaVersions.contains(version) else {
            return .failure(.unsupportedSchemaVersion(version))
        }
        do {
            return .success(try decoder.decode(CaseRecord.self, from: data))
        } catch let error as DecodingError {
            return .failure(.invalidField(describe(error)))
        } catch {
            return .failure(.notJSON(detail: syntaxDetail(data)))
        }
    }

    /// Where the JSON breaks, in Dutch: the decoder's own message is English and has no position.
    static func syntaxDetail(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return "onverwachte opbouw"
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if message.contains("end of file") || data.isEmpty { return "het bestand houdt halverwege op" }
            guard let range = message.range(of: #"character (\d+)"#, options: .regularExpression),
                  let offset = Int(message[range].dropFirst("character ".count)) else { return "ongeldige tekens" }
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return "fout rond regel \(line), kolom \(column)"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index + 1)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(hoofdniveau)" : text
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return "veld '\(key.stringValue)' ontbreekt" + (context.codingPath.isEmpty ? "" : " in \(place)")
        case .typeMismatch(_, let context):
            return "veld \(path(context.codingPath)) heeft het verkeerde type"
        case .valueNotFound(_, let context):
            return "veld \(path(context.codingPath)) is leeg"
        case .dataCorrupted(let context):
            return "veld \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "onbekende fout"
        }
    }
}

/// Why a case file could not be read.
public enum CaseFileError: Error, Equatable, Sendable {
    case notJSON(detail: String)
    case missingSchemaVersion
    case unsupportedSchemaVersion(Int)
    case invalidField(String)
    case unreadable

    public var dutchMessage: String {
        switch self {
        case .notJSON(let detail):
            "geen geldige JSON (\(detail)); het bestand is afgebroken of beschadigd en is niet aangepast: herstel het of zet een reservekopie terug"
        case .missingSchemaVersion:
            "het veld 'schemaVersion' ontbreekt; dit lijkt geen casusbestand van Rendementsmeter"
        case .unsupportedSchemaVersion(let version):
            "schemaversie \(version) wordt niet ondersteund (deze versie leest \(CaseRecord.readableSchemaVersions.lowerBound) tot en met \(CaseRecord.readableSchemaVersions.upperBound)); werk Rendementsmeter bij"
        case .invalidField(let detail):
            "\(detail); het bestand is niet aangepast"
        case .unreadable:
            "het bestand kan niet gelezen worden; controleer de rechten"
        }
    }
}
