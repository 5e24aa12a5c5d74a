/// A diagnostic's stable code (`H101`) and what `hearth explain` and docs/diagnostics.md say of
/// it. Codes are grouped by the stage that finds them (Codes/): H1xx content, H2xx links, H3xx
/// templates and rendering, H4xx output and images, H5xx the command line and the preview server.
/// A published code keeps its meaning: a problem that goes away retires its code, never reuses it.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    /// `H101`.
    public let id: String
    /// One line naming the problem: "Front matter is never closed".
    public let title: String
    /// A short input that causes it, as an editor would write it.
    public let example: String
    /// What the build prints for `example`.
    public let message: String
    /// What to do about it.
    public let fix: String

    init(_ id: String, _ title: String, example: String, message: String, fix: String) {
        self.id = id
        self.title = title
        self.example = example
        self.message = message
        self.fix = fix
    }

    public var description: String { id }

    // Two codes are the same when their ids are: the id is what is printed, cached and looked up.
    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Every code, in order: each stage's file lists its own.
    public static let all: [DiagnosticCode] =
        (contentCodes + linkCodes + renderCodes + outputCodes + commandCodes).sorted { $0.id < $1.id }

    private static let byID: [String: DiagnosticCode] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The code named `id` (`H101`, `h101`), or nil when there is none.
    public static func named(_ id: String) -> DiagnosticCode? {
        byID[id.uppercased()]
    }
}
