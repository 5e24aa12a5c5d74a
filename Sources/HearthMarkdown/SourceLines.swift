import Glibc

/// Byte offsets of the lines of a body, to turn cmark's byte columns into character columns.
final class SourceLines {
    let bytes: [UInt8]
    let lineStarts: [Int]
    let lineOffset: Int
    /// The last position computed: (line, byte column, character column), to go on from there.
    private var cursor: (line: Int, byteColumn: Int, column: Int) = (0, 1, 1)

    init(source: String, lineOffset: Int) {
        bytes = Array(source.utf8)
        lineStarts = Markdown.lineStarts(bytes)
        self.lineOffset = lineOffset
    }

    /// Byte range of a 1-based body line, without its line ending.
    func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The file position of a 1-based body line and 1-based byte column. Positions asked in
    /// document order cost only the bytes between them, however long the line.
    func position(line: Int, byteColumn: Int) -> SourcePosition {
        let range = lineRange(line)
        let target = min(range.count, max(0, byteColumn - 1))
        var (fromByte, column) = (0, 1)
        if cursor.line == line, cursor.byteColumn - 1 <= target {
            (fromByte, column) = (cursor.byteColumn - 1, cursor.column)
        }
        var i = range.lowerBound + fromByte
        let end = range.lowerBound + target
        while i < end {
            // Count the first byte of each character (not UTF-8 continuation bytes).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cursor = (line, target + 1, column)
        return SourcePosition(line: line + lineOffset, column: column)
    }

    /// Where a text span's `[[` come from in the source, in order: their 1-based byte column, or nil
    /// for one that was written escaped (`\\[[`, `[\\[`, `\\[\\[`) and so is no wikilink.
    func doubleBracketColumns(line: Int, fromColumn: Int, toColumn: Int) -> [Int?] {
        let range = lineRange(line)
        let lower = range.lowerBound + max(0, fromColumn - 1)
        let upper = min(range.upperBound, range.lowerBound + toColumn)
        let open = UInt8(ascii: "["), backslash = UInt8(ascii: "\\")
        var columns: [Int?] = []
        var i = lower
        while i + 1 < upper {
            if bytes[i] == open {
                if bytes[i + 1] == open {
                    let escaped = i > range.lowerBound && bytes[i - 1] == backslash
                    columns.append(escaped ? nil : i - range.lowerBound + 1)
                } else if bytes[i + 1] == backslash, i + 2 < upper, bytes[i + 2] == open {
                    columns.append(nil)
                }
            }
            i += 1
        }
        return columns
    }
}

extension Markdown {
    /// Where lines start, counting line endings as cmark does: `\n`, `\r\n` and a lone `\r`.
    public static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 48 + 1)
        bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            // Most texts have no carriage return: their lines are found by memchr, many bytes a step.
            if let base = bytes.baseAddress, memchr(base, 0x0D, count) == nil {
                let end = base + count
                var from = base
                while from < end, let found = memchr(from, 0x0A, end - from) {
                    from = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(from - base)
                }
                return
            }
            var i = 0
            while i < count {
                let byte = bytes[i]
                i += 1
                // Line endings are at most 0x0D: most bytes take this branch.
                if byte > 0x0D { continue }
                if byte == UInt8(ascii: "\n") {
                    starts.append(i)
                } else if byte == UInt8(ascii: "\r") {
                    if i < count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
                    starts.append(i)
                }
            }
        }
        return starts
    }

    /// How many lines cmark sees in a text.
    public static func lineCount(_ text: String) -> Int {
        lineStarts(Array(text.utf8)).count
    }
}

extension SourceLines {
    /// Where a paragraph (from its first line and byte column to its last line) starts when it is
    /// written as a GitHub table: its first line has a `|` and its second is a delimiter row
    /// (`|---|:--:|`, `--- | ---`); nil for any other paragraph.
    func tableStart(line: Int, column: Int, endLine: Int) -> SourcePosition? {
        guard endLine > line else { return nil }
        let header = lineRange(line)
        let delimiter = lineRange(line + 1)
        // Both lines from the paragraph's column on: a list item's or quote's marker is left out.
        let from = max(0, column - 1)
        guard from < header.count, from < delimiter.count else { return nil }
        var hasPipe = false
        var hasDash = false
        for byte in bytes[(delimiter.lowerBound + from)..<delimiter.upperBound] {
            switch byte {
            case UInt8(ascii: "|"): hasPipe = true
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return nil
            }
        }
        guard hasPipe, hasDash, bytes[(header.lowerBound + from)..<header.upperBound].contains(UInt8(ascii: "|"))
        else { return nil }
        return position(line: line, byteColumn: column)
    }

    /// Template tags of other generators on body lines `line...endLine`, which Hearth shows as
    /// written: Hugo's shortcodes (`{{< ref "a" >}}`, `{{% note %}}`), Jekyll's Liquid tags and
    /// Zola's block shortcodes (`{% include a.html %}`), Zola's shortcodes (`{{ youtube(id="x") }}`);
    /// each with its closing delimiter on the same line, outside backticks; with their positions.
    /// Closing ones (`{{% /note %}}`, `{% endraw %}`, `{% end %}`) go with their opening one.
    func shortcodes(line: Int, endLine: Int) -> [(position: SourcePosition, text: String)] {
        var found: [(SourcePosition, String)] = []
        guard line >= 1 else { return found }
        let delimiters: [(open: [UInt8], close: [UInt8])] = [
            (Array("{{<".utf8), Array(">}}".utf8)), (Array("{{%".utf8), Array("%}}".utf8)),
            (Array("{%".utf8), Array("%}".utf8)), (Array("{{".utf8), Array("}}".utf8)),
        ]
        for number in line...max(line, endLine) {
            let range = lineRange(number)
            var backticks = 0
            var i = range.lowerBound
            scan: while i < range.upperBound {
                if bytes[i] == UInt8(ascii: "`") { backticks += 1 }
                if bytes[i] == UInt8(ascii: "{"), backticks % 2 == 0 {
                    for (open, close) in delimiters where bytes[i..<range.upperBound].starts(with: open) {
                        let from = i + open.count
                        guard let end = firstIndex(of: close, in: from..<range.upperBound) else { continue }
                        let inner = bytes[from..<end].drop { $0 == 0x20 }
                        // `{{ name }}` in prose is left alone: only a call is Zola's.
                        if open.count == 2, open[1] == UInt8(ascii: "{"), !Self.isCall(inner) { continue }
                        let closing = inner.first == UInt8(ascii: "/") || inner.starts(with: Array("end".utf8))
                        if !closing {
                            found.append(
                                (
                                    position(line: number, byteColumn: i - range.lowerBound + 1),
                                    String(decoding: bytes[i..<(end + close.count)], as: UTF8.self)
                                ))
                        }
                        i = end + close.count
                        continue scan
                    }
                }
                i += 1
            }
        }
        return found
    }

    /// Where `needle` first starts inside `range` of the bytes.
    private func firstIndex(of needle: [UInt8], in range: Range<Int>) -> Int? {
        guard range.count >= needle.count else { return nil }
        return (range.lowerBound...(range.upperBound - needle.count)).first {
            bytes[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    /// `name(...)` with white space around: how Zola calls a shortcode.
    private static func isCall(_ inner: ArraySlice<UInt8>) -> Bool {
        var text = inner
        while text.last == 0x20 { text = text.dropLast() }
        guard let first = text.first, first == UInt8(ascii: "_") || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A,
            text.last == UInt8(ascii: ")"),
            let paren = text.firstIndex(of: UInt8(ascii: "("))
        else { return false }
        return text[..<paren].allSatisfy {
            $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A)
        }
    }
}
