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

    func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
    }

    func position(_ node: Node) -> SourcePosition? {
        position(node.mark)
    }

    /// The top-level mapping as ordered key/value pairs, or a diagnostic for YAML that does not parse.
    func mapping(_ yaml: String) -> Result<[(key: Located<String>, value: Node)], Diagnostic> {
        let root: Node?
        do {
            // Tags are not needed (values are read as written) and resolving them runs a regular
            // expression per scalar; the encoding given here saves an environment look-up per file.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(
                .error(file, SourcePosition(line: lineOffset + 1, column: 1), "YAML could not be read: \(error)"))
        }
        guard let root else { return .success([]) }
        guard let mapping = root.mapping else {
            if let scalar = root.scalar, scalar.string.isEmpty { return .success([]) }
            return .failure(
                .error(
                    file, position(root), "expected 'key: value' lines here",
                    hint: "front matter and site.yml are YAML mappings, e.g. 'title: My page'"))
        }
        var pairs: [(key: Located<String>, value: Node)] = []
        // Aliases share nodes, so nine lists of nine aliases of nine... cost nothing to parse but
        // would multiply without end for whatever walks them: count the values, stopping early.
        var budget = Self.valueLimit
        for (key, value) in mapping {
            guard Self.spend(&budget, on: value) else {
                return .failure(
                    .error(
                        file, position(key),
                        "'\(key.string ?? "")' holds more than \(Self.valueLimit) values through YAML aliases",
                        hint: "front matter is a few plain keys: write the values out instead of '&anchor' and '*alias'"
                    ))
            }
            pairs.append((Located(key.string ?? "", at: position(key)), value))
        }
        return .success(pairs)
    }

    /// The most values a mapping may hold, aliases counted as often as they are used.
    static let valueLimit = 10_000

    /// Takes the values of `node` from `budget`; false as soon as it runs out.
    private static func spend(_ budget: inout Int, on node: Node) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .sequence(let sequence):
            for item in sequence where !spend(&budget, on: item) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping where !spend(&budget, on: key) || !spend(&budget, on: value) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let hint = context.map { "YAML \($0.text) at line \($0.mark.line + lineOffset)" }
            return .error(file, position(mark), "YAML syntax error: \(problem)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                file, position(context.mark),
                "key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) is written more than once",
                hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error(file, SourcePosition(line: lineOffset + 1, column: 1), "YAML could not be read: \(problem)")
        default:
            return .error(file, SourcePosition(line: lineOffset + 1, column: 1), "YAML could not be read: \(error)")
        }
    }

    // MARK: typed values

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func string(_ node: Node, key: String) -> Result<String, Diagnostic> {
        guard let scalar = node.scalar else {
            return .failure(.error(file, position(node), "'\(key)' must be text, found \(describe(node))"))
        }
        return .success(scalar.string)
    }

    func bool(_ node: Node, key: String) -> Result<Bool, Diagnostic> {
        if let scalar = node.scalar {
            switch scalar.string.lowercased() {
            case "true": return .success(true)
            case "false": return .success(false)
            default: break
            }
        }
        return .failure(
            .error(file, position(node), "'\(key)' must be true or false, found \(describe(node))"))
    }

    func integer(_ node: Node, key: String, hint: String? = nil) -> Result<Int, Diagnostic> {
        if let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) {
            return .success(value)
        }
        return .failure(
            .error(file, position(node), "'\(key)' must be a whole number, found \(describe(node))", hint: hint))
    }

    func stringList(_ node: Node, key: String) -> Result<[Located<String>], Diagnostic> {
        guard let sequence = node.sequence else {
            if isNull(node) { return .success([]) }
            let example = node.scalar.map { "\(key): [\($0.string)]" } ?? "\(key): [first, second]"
            return .failure(
                .error(
                    file, position(node), "'\(key)' must be a list, found \(describe(node))",
                    hint: "write it as a list: \(example)"))
        }
        var items: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                return .failure(
                    .error(file, position(item), "each entry of '\(key)' must be text, found \(describe(item))"))
            }
            items.append(Located(scalar.string, at: position(item)))
        }
        return .success(items)
    }

    func describe(_ node: Node) -> String {
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
