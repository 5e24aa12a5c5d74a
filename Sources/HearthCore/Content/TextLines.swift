import HearthMarkdown

/// Lines as cmark and YAML count them: a line ends at LF, CR LF or a lone CR.
///
/// Swift's `Character` takes CR LF as one character, so `firstIndex(of: "\n")` and
/// `split(separator: "\n")` never see the end of a line written on Windows; these look at bytes.
extension StringProtocol where SubSequence == Substring {
    /// Where the line that starts at `start` ends (before its line ending), and where the next line
    /// starts; `next` is nil for the last line, which has no line ending.
    func lineEnd(from start: Index) -> (end: Index, next: Index?) {
        let bytes = utf8
        var i = start
        while i < bytes.endIndex {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                return (i, bytes.index(after: i))
            case UInt8(ascii: "\r"):
                let after = bytes.index(after: i)
                if after < bytes.endIndex, bytes[after] == UInt8(ascii: "\n") {
                    return (i, bytes.index(after: after))
                }
                return (i, after)
            default:
                i = bytes.index(after: i)
            }
        }
        return (bytes.endIndex, nil)
    }

    /// The lines of the text, without their line endings; a text ending in a line ending ends with
    /// an empty line, as `split(separator:omittingEmptySubsequences: false)` would give.
    var textLines: [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        while true {
            let (end, next) = lineEnd(from: start)
            lines.append(self[start..<end])
            guard let next else { return lines }
            start = next
        }
    }
}

/// Line and column of a byte in a buffer of text.
enum TextPosition {
    static func of(byteOffset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        let end = min(byteOffset, bytes.count)
        // Lines end at LF, CR LF or a lone CR, counted as cmark counts them.
        let starts = Markdown.lineStarts(Array(bytes[..<end]))
        let line = starts.count
        let lineStart = starts[line - 1]
        let prefix = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return SourcePosition(line: line, column: column)
    }

    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
