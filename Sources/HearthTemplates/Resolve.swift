extension Compiler {
    /// Where a name's value is, in a scope, and its type; nil (and an error) when no value in
    /// scope has it.
    mutating func resolve(_ name: Name, in scope: [Frame]) -> (Int, TemplateType)? {
        guard let first = name.parts.first else {
            let type: TemplateType =
                switch scope.last! {
                case .object(let schema): .object(schema)
                case .scalar: .text
                case .dynamic: .any
                }
            return (add(Lookup(candidates: [(.top, [])])), type)
        }
        var candidates: [(head: Head, rest: [Step])] = []
        var types: [TemplateType] = []
        for depth in 0..<scope.count {
            switch scope[scope.count - 1 - depth] {
            case .object(let schema):
                if let index = schema.index[first] {
                    guard let (rest, type) = follow(name, from: schema.fieldTypes[index]) else { return nil }
                    candidates.append((.field(depth: depth, index: index), rest))
                    types.append(type)
                }
            case .scalar:
                continue
            case .dynamic:
                guard let (rest, type) = follow(name, from: .any) else { return nil }
                candidates.append((.search(first, fromDepth: depth), rest))
                types.append(type)
            }
            if case .dynamic = scope[scope.count - 1 - depth] { break }
        }
        guard let type = types.first else {
            errors.append(
                library.error(
                    .unknownName(name: first, written: name.text, inScope: names(in: scope)), at: name.place,
                    "no value named '\(first)' here: {{\(name.text)}}"))
            return nil
        }
        let same = types.allSatisfy { $0.isSame(as: type) }
        return (add(Lookup(candidates: candidates)), same ? type : .any)
    }

    /// The steps of a dotted name after its first part, from the first part's type.
    private mutating func follow(_ name: Name, from start: TemplateType) -> ([Step], TemplateType)? {
        var steps: [Step] = []
        var type = start
        for part in name.parts.dropFirst() {
            switch type {
            case .object(let schema) where !schema.isOpen:
                guard let index = schema.index[part] else {
                    errors.append(
                        library.error(
                            .unknownName(name: part, written: name.text, inScope: schema.fieldNames), at: name.place,
                            "no value named '\(part)' in \(schema.name): {{\(name.text)}}"))
                    return nil
                }
                steps.append(.field(index))
                type = schema.fieldTypes[index]
            case .object, .any:
                steps.append(.name(part))
                type = .any
            default:
                errors.append(
                    library.error(
                        .unknownName(name: part, written: name.text, inScope: []), at: name.place,
                        "'\(name.parts.prefix { $0 != part }.joined(separator: "."))' has no names: {{\(name.text)}}"))
                return nil
            }
        }
        return (steps, type)
    }

    /// The names of the objects in scope, innermost first.
    private func names(in scope: [Frame]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for frame in scope.reversed() {
            guard case .object(let schema) = frame else { continue }
            for name in schema.fieldNames where seen.insert(name).inserted { out.append(name) }
        }
        return out
    }

    private mutating func add(_ lookup: Lookup) -> Int {
        lookups.append(lookup)
        return lookups.count - 1
    }
}
