import Foundation

/// Prints diagnostics like a compiler: `path:line:col: severity: message`, the source line with a
/// caret under the column, then `hint:` lines.
public struct DiagnosticPrinter: Sendable {
    public var color: Bool
    /// The site root the diagnostics' paths are relative to; source lines are read from there.
    public var root: URL

    public init(root: URL, color: Bool) {
        self.root = root
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// One diagnostic, with its source excerpt; ends with a newline.
    public func render(_ diagnostic: Diagnostic, sourceLines: [Substring]? = nil) -> String {
        let severity =
            diagnostic.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;33")
        var out = "\(paint(diagnostic.location + ":", "1")) \(severity) \(paint(diagnostic.message, "1"))\n"
        if let line = diagnostic.line, let lines = sourceLines ?? readLines(diagnostic.file), line >= 1,
            line <= lines.count
        {
            let text = String(lines[line - 1])
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(paint(number, "34")) \(paint("|", "34")) \(text)\n"
            if let column = diagnostic.column {
                out +=
                    " \(gutter) \(paint("|", "34")) \(Self.caretPadding(text, column: column))\(paint("^", "1;32"))\n"
            }
        }
        for hint in diagnostic.hints {
            out += "\(paint("hint:", "1;36")) \(hint)\n"
        }
        return out
    }

    /// Spaces (and the line's own tabs) up to a 1-based character column, so the caret lines up.
    static func caretPadding(_ line: String, column: Int) -> String {
        var pad = ""
        for ch in line.prefix(max(0, column - 1)) {
            pad.append(ch == "\t" ? "\t" : " ")
        }
        return pad
    }

    /// All diagnostics, sorted, each with its excerpt.
    public func render(_ list: DiagnosticList) -> String {
        var cache: (file: String, lines: [Substring]?)?
        var out = ""
        for diagnostic in list.sorted {
            if cache?.file != diagnostic.file {
                cache = (diagnostic.file, readLines(diagnostic.file))
            }
            out += render(diagnostic, sourceLines: cache?.lines ?? [])
        }
        return out
    }

    private func readLines(_ file: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.textLines
    }

    /// `2 errors, 1 warning`, or nil when there is nothing to count.
    public static func counts(_ list: DiagnosticList) -> String? {
        let errors = list.errorCount
        let warnings = list.warningCount
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// One JSON object per line, for editors and CI.
    public static func jsonLines(_ list: DiagnosticList) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return list.sorted.compactMap { diagnostic in
            (try? encoder.encode(diagnostic)).map { String(decoding: $0, as: UTF8.self) + "\n" }
        }.joined()
    }
}
