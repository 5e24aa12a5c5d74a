import Foundation
import HearthMarkdown

public enum Severity: String, Sendable, Hashable, Codable {
    case warning
    case error
    /// What follows from another problem, said once (a link to a page that failed to load).
    case note
    /// What the build did that its reader should know, nothing to fix, said for each place it
    /// concerns (an image published without its location), as compilers' remarks are.
    case remark
}

/// One problem found in a run: where, how bad, what (its code and message), and what to do.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    /// Which problem this is, for `hearth explain` and for tools: stable where the wording is not.
    public var code: DiagnosticCode
    /// Path relative to the site root, e.g. `content/emotional/listening.md`.
    public var file: String
    /// 1-based; nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based, in characters of the line; nil when unknown.
    public var column: Int?
    public var message: String
    public var hints: [String]

    public init(
        _ severity: Severity, _ code: DiagnosticCode, file: String, line: Int? = nil, column: Int? = nil,
        _ message: String, hints: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hints = hints
    }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, file: String, at position: SourcePosition?, _ message: String,
        hints: [String] = []
    ) {
        self.init(severity, code, file: file, line: position?.line, column: position?.column, message, hints: hints)
    }

    public static func error(
        _ code: DiagnosticCode, _ file: String, _ position: SourcePosition?, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, file: file, at: position, message, hints: hint.map { [$0] } ?? [])
    }

    public static func warning(
        _ code: DiagnosticCode, _ file: String, _ position: SourcePosition?, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, file: file, at: position, message, hints: hint.map { [$0] } ?? [])
    }

    public static func note(
        _ code: DiagnosticCode, _ file: String, _ position: SourcePosition?, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.note, code, file: file, at: position, message, hints: hint.map { [$0] } ?? [])
    }

    public static func remark(_ code: DiagnosticCode, _ file: String, _ position: SourcePosition?, _ message: String)
        -> Diagnostic
    {
        Diagnostic(.remark, code, file: file, at: position, message)
    }

    // The code is written as its id (`"code": "H101"`), for `--format json` and the memo store.
    private enum CodingKeys: String, CodingKey { case severity, code, file, line, column, message, hints }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .code)
        guard let code = DiagnosticCode.named(id) else {
            throw DecodingError.dataCorruptedError(forKey: .code, in: c, debugDescription: "no code \(id)")
        }
        self.init(
            try c.decode(Severity.self, forKey: .severity), code, file: try c.decode(String.self, forKey: .file),
            line: try c.decodeIfPresent(Int.self, forKey: .line),
            column: try c.decodeIfPresent(Int.self, forKey: .column),
            try c.decode(String.self, forKey: .message), hints: try c.decode([String].self, forKey: .hints))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code.id, forKey: .code)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encode(message, forKey: .message)
        try c.encode(hints, forKey: .hints)
    }

    /// `file:line:col` of a place, as far as known.
    public static func location(_ file: String, _ position: SourcePosition?) -> String {
        var s = file.isEmpty ? "hearth" : file
        if let position { s += ":\(position.line):\(position.column)" }
        return s
    }

    /// `file:line:col`, as far as known.
    public var location: String {
        var s = file.isEmpty ? "hearth" : file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        return s
    }
}

/// Every problem of a run, in the order a reader wants them: by file, then line, then column.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    /// The messages of the notes so far: a note is said once a run, however many places lead to it.
    private var notes: Set<String> = []

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .note, !notes.insert(diagnostic.message).inserted { return }
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    /// What `--quiet` prints: the errors only.
    public var errorsOnly: DiagnosticList { DiagnosticList(items.filter { $0.severity == .error }) }

    /// Sorted and without exact repeats.
    public var sorted: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return items.filter { seen.insert($0).inserted }.sorted {
            ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message)
        }
    }

    /// Warnings turned into errors (`--strict`).
    public func strict() -> DiagnosticList {
        DiagnosticList(
            items.map {
                var d = $0
                if d.severity == .warning { d.severity = .error }
                return d
            })
    }
}
