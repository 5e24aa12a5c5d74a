import HearthMarkdown
import Yams

/// A value from YAML with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var position: SourcePosition?

    public init(_ value: Value, at position: SourcePosition?) {
        self.value = value
        self.position = position
    }
}

/// Reads YAML mappings through Yams' composer, which keeps every node's line and column.
struct YAMLReader {
    let file: String
    /// Lines of the file before the YAML text (1 for front matter after its `---`).
    let lineOffset: Int
    let text: String
    /// Where each of libyaml's lines starts, as line and column of the text, when libyaml breaks
    /// lines where an editor does not (NEL, U+2028, U+2029); nil when the two agree.
    private let lineStarts: [(line: Int, column: Int)]?

    init(file: String, lineOffset: Int, text: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.text = text
        let nel: Unicode.Scalar = "\u{85}"
        let ls: Unicode.Scalar = "\u{2028}"
        let ps: Unicode.Scalar = "\u{2029}"
        guard text.unicodeScalars.contains(where: { $0 == nel || $0 == ls || $0 == ps }) else {
            lineStarts = nil
            return
        }
        var starts: [(line: Int, column: Int)] = [(1, 1)]
        var line = 1
        var column = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r":
                break  // CR LF: one break, counted at the CR
            case "\n", "\r":
                line += 1
                column = 1
                starts.append((line, column))
            case nel, ls, ps:
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
            previous = scalar
        }
        lineStarts = starts
    }

    func position(_ mark: Mark?) -> SourcePosition? {
        position(mark.map(YAMLMark.init))
    }

    func position(_ mark: YAMLMark?) -> SourcePosition? {
        guard let mark else { return nil }
        guard let lineStarts, mark.line >= 1 else {
            return SourcePosition(line: mark.line + lineOffset, column: mark.column)
        }
        guard mark.line <= lineStarts.count else {
            // The end of the text, which libyaml puts on a line of its own.
            let last = lineStarts[lineStarts.count - 1].line
            return SourcePosition(line: last + mark.line - lineStarts.count + lineOffset, column: mark.column)
        }
        let start = lineStarts[mark.line - 1]
        return SourcePosition(line: start.line + lineOffset, column: start.column + mark.column - 1)
    }

    func position(_ node: YAMLNode) -> SourcePosition? {
        position(node.mark)
    }

    /// The comment that ends a plain (unquoted) value's line (`title: Ten tips #1`), which YAML
    /// leaves out of the value: where its `#` is, and its text.
    func trailingComment(_ node: YAMLNode) -> (position: SourcePosition, text: Substring)? {
        guard lineStarts == nil, text.utf8.contains(UInt8(ascii: "#")), let scalar = node.scalar,
            scalar.style == .plain, let mark = node.mark
        else { return nil }
        let lines = text.textLines
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        // From the value's start (or the blank before it, for an empty value): a `#` after a
        // blank starts the comment.
        var previous: Character = " "
        var column = 1
        for (index, character) in zip(line.indices, line) {
            if column >= mark.column - 1, character == "#", previous == " " || previous == "\t" {
                return (SourcePosition(line: mark.line + lineOffset, column: column), line[index...])
            }
            previous = character
            column += 1
        }
        return nil
    }

    /// The most YAML aliases (`*name`) a text may use. Yams hashes every mapping key, and a key
    /// made of aliases of aliases is hashed through all it expands to: a few lines took minutes
    /// (found by the front-matter fuzzer). With this many, the most anything expands to is about
    /// a thousand values; front matter needs none.
    static let aliasLimit = 20

    /// Where the alias past `aliasLimit` is, counting every `*` that starts a word after a blank
    /// or `[ { , : - ?`, as an alias does: it may count a few that are not, never miss one.
    static func tooManyAliases(_ yaml: String) -> (line: Int, column: Int)? {
        var count = 0
        var line = 1
        var column = 0
        var previous: UInt8 = 0x0A
        var pending: (line: Int, column: Int)?
        for byte in yaml.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }  // columns count characters
            if let start = pending {
                pending = nil
                if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x2A {
                    count += 1
                    if count > aliasLimit { return start }
                }
            }
            if byte == 0x2A, [0x0A, 0x0D, 0x20, 0x09, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D, 0x3F].contains(previous) {
                pending = (line, column)
            }
            if byte == 0x0A {
                line += 1
                column = 0
            }
            previous = byte
        }
        return nil
    }

    /// The top-level mapping as ordered key/value pairs, or a diagnostic for YAML that does not parse.
    func mapping() -> Result<[(key: Located<String>, value: YAMLNode)], Diagnostic> {
        let yaml = text
        if let place = Self.tooManyAliases(yaml) {
            return .failure(
                .error(
                    .tooManyAliases, file, SourcePosition(line: place.line + lineOffset, column: place.column),
                    "more than \(Self.aliasLimit) YAML aliases ('*name')",
                    hint: "front matter is a few plain keys: write the values out instead of '&anchor' and '*alias'"))
        }
        return (SimpleYAML.mapping(yaml).map(Result.success) ?? composedMapping()).map(located)
    }

    /// The top-level mapping as Yams reads it.
    func composedMapping() -> Result<[YAMLNode.Pair], Diagnostic> {
        let root: Node?
        do {
            // Tags are not needed (values are read as written) and resolving them runs a regular
            // expression per scalar; nothing is constructed from the nodes, so the constructor has
            // no maps (the default one builds its dictionaries anew each time it is asked for); the
            // encoding given here saves an environment look-up per file.
            root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(
                .error(
                    .yamlUnreadable, file, SourcePosition(line: lineOffset + 1, column: 1),
                    "YAML could not be read: \(error)"))
        }
        guard let root = root.map(YAMLNode.init) else { return .success([]) }
        guard let mapping = root.mapping else {
            if let scalar = root.scalar, scalar.string.isEmpty { return .success([]) }
            return .failure(
                .error(
                    .yamlNotMapping, file, position(root), "expected 'key: value' lines here",
                    hint: "front matter and site.yml are YAML mappings, e.g. 'title: My page'"))
        }
        return .success(mapping)
    }

    /// A mapping's pairs with each key's text and place.
    func located(_ mapping: [YAMLNode.Pair]) -> [(key: Located<String>, value: YAMLNode)] {
        mapping.map { (Located($0.key.string ?? "", at: position($0.key)), $0.value) }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntaxError(problem, at: mark, context: context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // Yams gives the mapping's start; the mistake is where a key comes again.
            if let first = duplicates.first,
                let lines = keyLines(first, indent: context.mark.column - 1, from: context.mark.line),
                lines.count > 1
            {
                return .error(
                    .duplicateKey, file, SourcePosition(line: lines[1] + lineOffset, column: context.mark.column),
                    "key \(names) is written more than once (first on line \(lines[0] + lineOffset))",
                    hint: "keep one of them")
            }
            return .error(
                .duplicateKey, file, position(context.mark), "key \(names) is written more than once",
                hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error(
                .yamlUnreadable, file, SourcePosition(line: lineOffset + 1, column: 1),
                "YAML could not be read: \(problem)")
        default:
            return .error(
                .yamlUnreadable, file, SourcePosition(line: lineOffset + 1, column: 1),
                "YAML could not be read: \(error)")
        }
    }

    /// The lines of the text (from 1) where `key` starts a line as a plain key (`title:`) of the
    /// block mapping that starts on line `from` at this indentation; nil when the lines of the
    /// text are not the editor's.
    private func keyLines(_ key: String, indent: Int, from: Int) -> [Int]? {
        guard lineStarts == nil, indent >= 0, from >= 1 else { return nil }
        let prefix = String(repeating: " ", count: indent) + key
        var found: [Int] = []
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, line) in lines.enumerated().dropFirst(from - 1) {
            let content = line.drop { $0 == " " }
            // The mapping ends at a line indented less than its keys.
            if line.count - content.count < indent, !content.isEmpty, content.first != "#" { break }
            guard line.hasPrefix(prefix) else { continue }
            let rest = line.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" }
            if rest.first == ":" { found.append(index + 1) }
        }
        return found
    }

    // MARK: typed values

    func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func string(_ node: YAMLNode, key: String) -> Result<String, Diagnostic> {
        guard let scalar = node.scalar else {
            return .failure(
                .error(.valueNotText, file, position(node), "'\(key)' must be text, found \(describe(node))"))
        }
        return .success(scalar.string)
    }

    func bool(_ node: YAMLNode, key: String) -> Result<Bool, Diagnostic> {
        if let scalar = node.scalar {
            switch scalar.string.lowercased() {
            case "true": return .success(true)
            case "false": return .success(false)
            default: break
            }
        }
        return .failure(
            .error(.valueNotBoolean, file, position(node), "'\(key)' must be true or false, found \(describe(node))"))
    }

    func integer(_ node: YAMLNode, key: String, hint: String? = nil) -> Result<Int, Diagnostic> {
        if let scalar = node.scalar, let value = Int(scalar.string) {
            if scalar.style == .plain { return .success(value) }
            return .failure(
                .error(
                    .numberInQuotes, file, position(node),
                    "'\(key)' must be a whole number, found the quoted text '\(value)'",
                    hint: "remove the quotes: \(key): \(value)"))
        }
        return .failure(
            .error(
                .valueNotWholeNumber, file, position(node), "'\(key)' must be a whole number, found \(describe(node))",
                hint: hint))
    }

    func stringList(_ node: YAMLNode, key: String) -> Result<[Located<String>], Diagnostic> {
        guard let sequence = node.sequence else {
            if isNull(node) { return .success([]) }
            let example = node.scalar.map { "\(key): [\($0.string)]" } ?? "\(key): [first, second]"
            return .failure(
                .error(
                    .valueNotList, file, position(node), "'\(key)' must be a list, found \(describe(node))",
                    hint: "write it as a list: \(example)"))
        }
        var items: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                return .failure(
                    .error(
                        .listEntryNotText, file, position(item),
                        "each entry of '\(key)' must be text, found \(describe(item))"))
            }
            // `~` or a `-` alone is no text, not the text "~".
            items.append(Located(isNull(item) ? "" : scalar.string, at: position(item)))
        }
        return .success(items)
    }

    func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            return "'\(scalar.string.prefix(60))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension Result where Failure == Diagnostic {
    /// The value, or nil with the diagnostic added to `diagnostics`.
    func value(reporting diagnostics: inout [Diagnostic]) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
