/// How much a price can be trusted, with its source (Greater Manchester RAG model).
public enum ConfidenceGrade: String, CaseIterable, Codable, Sendable {
    case groen, oranje, rood
}
