import Foundation
import HearthFiles

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

    /// `error:` in red, `warning:` in yellow, `note:` in cyan, `remark:` in blue, as compilers
    /// print them.
    private func label(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error:", "1;31")
        case .warning: paint("warning:", "1;33")
        case .note: paint("note:", "1;36")
        case .remark: paint("remark:", "1;34")
        }
    }

    /// One diagnostic, with its source excerpt; ends with a newline.
    public func render(_ diagnostic: Diagnostic, sourceLines: [Substring]? = nil) -> String {
        // A remark says what the build did, in one line of its own: `chairs.jpg: location removed`.
        let severity = diagnostic.severity == .remark ? "" : label(diagnostic.severity) + " "
        var out =
            "\(paint(diagnostic.location + ":", "1")) \(severity)\(paint(diagnostic.message, "1")) "
            + "\(paint("[\(diagnostic.code)]", "2"))\n"
        if let line = diagnostic.line, let lines = sourceLines ?? readLines(diagnostic.file), line >= 1,
            line <= lines.count
        {
            let (text, column) = Self.excerpt(lines[line - 1], column: diagnostic.column)
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(paint(number, "34")) \(paint("|", "34")) \(text)\n"
            if let column {
                out +=
                    " \(gutter) \(paint("|", "34")) \(Self.caretPadding(text, column: column))\(paint("^", "1;32"))\n"
            }
        }
        for hint in diagnostic.hints {
            // A hint of several lines (a list of headings) keeps its lines under its text.
            out += "\(paint("hint:", "1;36")) \(hint.replacingOccurrences(of: "\n", with: "\n      "))\n"
        }
        return out
    }

    /// How many characters of a source line are shown: a longer line is cut to a window around the
    /// column, its cut ends marked with `…` (a minified or generated line may be megabytes long).
    static let excerptWidth = 120

    /// The part of `line` to show, and the column within it.
    static func excerpt(_ line: Substring, column: Int?) -> (text: String, column: Int?) {
        guard line.count > excerptWidth else { return (String(line), column) }
        let target = max(0, (column ?? 1) - 1)
        let start = min(max(0, target - excerptWidth / 2), max(0, line.count - excerptWidth))
        let from = line.index(line.startIndex, offsetBy: start)
        let to = line.index(from, offsetBy: excerptWidth)
        let text = (start > 0 ? "…" : "") + line[from..<to] + (to < line.endIndex ? "…" : "")
        return (text, column.map { $0 - start + (start > 0 ? 1 : 0) })
    }

    /// Spaces (and the line's own tabs) up to a 1-based character column, so the caret lines up.
    static func caretPadding(_ line: String, column: Int) -> String {
        var pad = ""
        for ch in line.prefix(max(0, column - 1)) {
            pad.append(ch == "\t" ? "\t" : " ")
        }
        return pad
    }

    /// How many times one file's same problem is shown; the rest are counted in one line.
    static let repeatLimit = 10

    /// All diagnostics, sorted, each with its excerpt; a problem repeated in one file (the same
    /// message) is shown `repeatLimit` times, then counted.
    public func render(_ list: DiagnosticList) -> String {
        var cache: (file: String, lines: [Substring]?)?
        var out = ""
        var shown: [String: Int] = [:]
        var order: [Diagnostic] = []
        func countRepeats() {
            for first in order where shown[first.message, default: 0] > Self.repeatLimit {
                let more = shown[first.message, default: 0] - Self.repeatLimit
                let severity = label(first.severity)
                out +=
                    "\(paint(first.file + ":", "1")) \(severity) \(paint(first.message, "1")) "
                    + "(\(Self.grouped(more)) more time\(more == 1 ? "" : "s") in this file, not shown)\n"
            }
            shown = [:]
            order = []
        }
        for diagnostic in list.sorted {
            if cache?.file != diagnostic.file {
                countRepeats()
                cache = (diagnostic.file, readLines(diagnostic.file))
            }
            shown[diagnostic.message, default: 0] += 1
            if shown[diagnostic.message] == 1 { order.append(diagnostic) }
            guard shown[diagnostic.message, default: 0] <= Self.repeatLimit else { continue }
            out += render(diagnostic, sourceLines: cache?.lines ?? [])
        }
        countRepeats()
        return out
    }

    /// A file's lines, for excerpts; nil for one that is not text (an image: a NUL byte in its first
    /// 8 KB, as git tells a binary file), whose "line" would print its bytes to the terminal.
    private func readLines(_ file: String) -> [Substring]? {
        guard let data = Files.read(root.appendingPathComponent(file).path),
            !data.prefix(8192).contains(0)
        else {
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

    /// `1,234`.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
