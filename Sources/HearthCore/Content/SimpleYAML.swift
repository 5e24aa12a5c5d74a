/// Reads YAML written as plain top-level `key: value` lines, as nearly all front matter is: a value
/// is plain text, text in quotes without escapes, a one-line `[a, b]` list, or a list of `- item`
/// lines. Anything else (comments, escapes, tabs, CR, nesting, anchors, empty values, a key twice)
/// is nil, and Yams reads it.
///
/// Hand-written because Yams took 7% of a 10,000-page build's CPU to read front matter (`perf`):
/// libyaml's events become Swift nodes with a tag object each, and every mapping's keys are hashed
/// to find duplicates. This reads the same lines in one pass over the bytes. What it reads must be
/// what Yams reads, each node's text, style and place included: `SimpleYAMLTests` and the
/// front-matter fuzzer compare the two.
enum SimpleYAML {
    static func mapping(_ text: String) -> [YAMLNode.Pair]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = SimpleYAMLReader(bytes: bytes)
            return reader.mapping()
        }
    }
}

private struct SimpleYAMLReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The start of the line being read, and its number from 1.
    var start = 0
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func mapping() -> [YAMLNode.Pair]? {
        var pairs: [YAMLNode.Pair] = []
        var keys: Set<String> = []
        while start < bytes.count {
            let end = lineEnd()
            if end == start {  // an empty line
                nextLine(after: end)
                continue
            }
            guard let (key, colon) = key(end: end) else { return nil }
            guard keys.insert(key).inserted else { return nil }  // Yams reports a key written twice
            let keyNode = YAMLNode.scalar(.init(string: key, style: .plain, mark: YAMLMark(line: line, column: 1)))
            let valueStart = skipSpaces(from: colon + 1, to: end)
            let value: YAMLNode
            if valueStart == end {
                // `key:` alone: a list of `- item` lines follows, or nothing (left to Yams).
                nextLine(after: end)
                guard let list = blockList() else { return nil }
                value = list
            } else {
                guard bytes[colon + 1] == UInt8(ascii: " "), let read = self.value(from: valueStart, to: end) else {
                    return nil
                }
                value = read
                nextLine(after: end)
            }
            pairs.append(YAMLNode.Pair(key: keyNode, value: value))
        }
        return pairs.isEmpty ? nil : pairs
    }

    // MARK: lines

    func lineEnd() -> Int {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return end
    }

    mutating func nextLine(after end: Int) {
        start = end + 1
        line += 1
    }

    func skipSpaces(from index: Int, to end: Int) -> Int {
        var index = index
        while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    /// The last byte a column was counted to, and its column: a line's marks are asked for from
    /// left to right, so each line is counted once, however many items it has.
    var counted = (index: 0, column: 1)

    /// Where a byte of the current line is, its column counted in Unicode scalars as libyaml does.
    mutating func mark(_ index: Int) -> YAMLMark {
        if counted.index < start || counted.index > index { counted = (start, 1) }
        var column = counted.column
        for i in counted.index..<index where bytes[i] & 0xC0 != 0x80 { column += 1 }
        counted = (index, column)
        return YAMLMark(line: line, column: column)
    }

    /// A key at the start of the line, `[A-Za-z_][A-Za-z0-9_-]*` right before its colon, and where
    /// the colon is.
    func key(end: Int) -> (String, Int)? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F }
        guard isLetter(bytes[start]) else { return nil }
        var index = start + 1
        while index < end,
            isLetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x2D
        {
            index += 1
        }
        // libyaml takes a key of at most 1,024 characters on its line.
        guard index < end, bytes[index] == UInt8(ascii: ":"), index - start < 1000 else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), index)
    }

    // MARK: values

    /// A value that fills the rest of its line: text, plain or quoted, or a `[a, b]` list.
    mutating func value(from index: Int, to end: Int) -> YAMLNode? {
        if bytes[index] == UInt8(ascii: "[") { return flowList(from: index, to: end) }
        guard let (node, after) = scalar(from: index, to: end, inList: false),
            skipSpaces(from: after, to: end) == end
        else { return nil }
        return node
    }

    /// `[a, "b", c]` on one line.
    mutating func flowList(from open: Int, to end: Int) -> YAMLNode? {
        let listMark = mark(open)
        var items: [YAMLNode] = []
        var index = skipSpaces(from: open + 1, to: end)
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                guard index < end, let (item, after) = scalar(from: index, to: end, inList: true) else { return nil }
                items.append(item)
                index = skipSpaces(from: after, to: end)
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpaces(from: index + 1, to: end)
                // `[a, ]` and `[a, , b]` are left to Yams.
                guard index < end, bytes[index] != UInt8(ascii: "]"), bytes[index] != UInt8(ascii: ",") else {
                    return nil
                }
            }
        }
        guard skipSpaces(from: index, to: end) == end else { return nil }
        return .sequence(items, mark: listMark)
    }

    /// The `- item` lines of a list under a key, each indented alike.
    mutating func blockList() -> YAMLNode? {
        var items: [YAMLNode] = []
        var indent: Int?
        var listMark: YAMLMark?
        while start < bytes.count {
            let end = lineEnd()
            let dash = skipSpaces(from: start, to: end)
            guard dash < end, bytes[dash] == UInt8(ascii: "-") else {
                // A key or an empty line ends the list; anything else is left to Yams.
                if dash == start { break }
                return nil
            }
            guard indent == nil || indent == dash - start, dash + 1 < end, bytes[dash + 1] == UInt8(ascii: " ") else {
                return nil
            }
            indent = dash - start
            if listMark == nil { listMark = mark(dash) }
            let text = skipSpaces(from: dash + 1, to: end)
            guard text < end, let (item, after) = scalar(from: text, to: end, inList: false),
                skipSpaces(from: after, to: end) == end
            else { return nil }
            items.append(item)
            nextLine(after: end)
        }
        guard !items.isEmpty else { return nil }
        return .sequence(items, mark: listMark)
    }

    /// A scalar starting at `index`: quoted, up to its closing quote; plain, up to the end of the
    /// line or, in a `[...]` list, the next `,` or `]`. The node, and where it stops.
    mutating func scalar(from index: Int, to end: Int, inList: Bool) -> (YAMLNode, Int)? {
        let first = bytes[index]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var close = index + 1
            while close < end, bytes[close] != first {
                // An escape (`\"`, `''`) is left to Yams.
                if bytes[close] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") { return nil }
                close += 1
            }
            guard close < end, close + 1 == end || bytes[close + 1] != first,
                Self.printable(bytes, index + 1, close)
            else { return nil }
            let style: YAMLNode.Scalar.Style = first == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            return (.scalar(.init(string: text(index + 1, close), style: style, mark: mark(index))), close + 1)
        }
        guard !Self.startsOtherThanText(first) else { return nil }
        var stop = index
        while stop < end {
            let byte = bytes[stop]
            if inList && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")) { break }
            // `:` may make a key, `#` a comment, brackets a nested collection: left to Yams.
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
            {
                return nil
            }
            stop += 1
        }
        var last = stop
        while last > index, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
        guard Self.printable(bytes, index, last) else { return nil }
        return (.scalar(.init(string: text(index, last), style: .plain, mark: mark(index))), stop)
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// A byte that starts something other than plain text in YAML (an indicator), or a blank.
    static func startsOtherThanText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
            true
        default: false
        }
    }

    /// Whether the bytes are text libyaml reads as it is: no control character (tab included), no
    /// line break of its own (NEL, U+2028, U+2029), no byte-order mark, no U+FFFE or U+FFFF.
    static func printable(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var index = from
        while index < to {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte >= 0x80, index + 1 < to {
                let next = bytes[index + 1]
                let third = index + 2 < to ? bytes[index + 2] : 0
                if byte == 0xC2 && next < 0xA0 { return false }  // C1 controls and NEL
                if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                if byte == 0xEF && next == 0xBB && third == 0xBF { return false }
                if byte == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF) { return false }
            }
            index += 1
        }
        return true
    }
}
