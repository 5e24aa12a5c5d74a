import HearthMarkdown

/// Templates that would render one another forever, found before any page is rendered.
extension Theme {
    /// Templates that include themselves, directly or through others (`{{> partials/toc}}` in
    /// `partials/toc`), or from inside their own blocks (`{{> baseof}}` between `{{<baseof}}` and
    /// `{{/baseof}}`, where baseof renders the block, which renders baseof): Mustache would render
    /// them until the stack overflows, since a page's values are the same at every depth. Each
    /// cycle is reported once, at the reference that closes it.
    static func includeCycles(_ templates: [(name: String, file: String, text: String)]) -> [Diagnostic] {
        // Who renders whom: a template its partials and parent; a parent, too, every reference in
        // the blocks a template gives it.
        var references: [String: [Reference]] = [:]
        for template in templates {
            var parents: [String?] = []  // the open sections; a parent's name, nil for others
            for tag in TemplateErrors.tags(in: template.text).tags {
                switch tag.sigil {
                case "#", "^", "$": parents.append(nil)
                case "/": _ = parents.popLast()
                case ">", "<":
                    // A dynamic name (`{{>*kind}}`) is refused when the template is parsed.
                    for target in tag.name.hasPrefix("*") ? [] : [tag.name] {
                        for renderer in [template.name] + parents.compactMap({ $0 }) {
                            references[renderer, default: []].append(
                                Reference(
                                    target: target, file: template.file, position: tag.position,
                                    isParent: tag.sigil == "<"))
                        }
                    }
                    if tag.sigil == "<" { parents.append(tag.name) }
                default: break
                }
            }
        }
        // A template that renders itself directly is one mistake at each such reference; a group of
        // templates that render one another (a strongly connected component) is one mistake,
        // reported at a partial that closes it rather than at a `{{<parent}}` line.
        var diagnostics: [Diagnostic] = []
        func report(_ reference: Reference, chain: [String]) {
            diagnostics.append(
                .error(
                    .templateIncludesItself, reference.file, reference.position,
                    "'\(reference.target)' includes itself"
                        + (chain.count > 2 ? " (\(chain.joined(separator: " → ")))" : "")
                        + ", so it would render forever",
                    hint: "a template cannot include itself, directly, through another, or from a block "
                        + "it gives its own parent: remove this reference"))
        }
        for group in stronglyConnected(templates.map(\.name), references) {
            let inside = Set(group)
            let edges = group.flatMap { name in (references[name] ?? []).map { (from: name, reference: $0) } }
                .filter { inside.contains($0.reference.target) }
            var reported: Set<String> = []  // a reference may be an edge of several renderers
            for edge in edges where edge.from == edge.reference.target {
                if reported.insert("\(edge.reference.file):\(edge.reference.position)").inserted {
                    report(edge.reference, chain: [edge.from, edge.from])
                }
            }
            guard group.count > 1 else { continue }
            let order = { (edge: (from: String, reference: Reference)) in
                (edge.reference.isParent ? 1 : 0, edge.reference.file, edge.reference.position)
            }
            guard let closing = edges.filter({ $0.from != $0.reference.target }).min(by: { order($0) < order($1) })
            else { continue }
            report(
                closing.reference,
                chain: path(from: closing.reference.target, to: closing.from, references, within: inside)
                    + [closing.reference.target])
        }
        return diagnostics
    }

    /// One template's `{{> name}}` or `{{<name}}`, as `includeCycles` follows it.
    struct Reference {
        var target: String
        var file: String
        var position: SourcePosition
        var isParent: Bool
    }

    /// The strongly connected components of the templates' graph (Tarjan's algorithm): each a
    /// group of templates that all reach one another; a single template only when it includes itself.
    static func stronglyConnected(_ names: [String], _ references: [String: [Reference]]) -> [[String]] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var groups: [[String]] = []
        let known = Set(names)
        func connect(_ name: String) {
            index[name] = index.count
            low[name] = index[name]
            stack.append(name)
            onStack.insert(name)
            for target in (references[name] ?? []).map(\.target) where known.contains(target) {
                if index[target] == nil {
                    connect(target)
                    low[name] = min(low[name, default: 0], low[target, default: 0])
                } else if onStack.contains(target) {
                    low[name] = min(low[name, default: 0], index[target, default: 0])
                }
            }
            guard low[name] == index[name] else { return }
            var group: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                group.append(top)
                if top == name { break }
            }
            let loops = group.count > 1 || (references[name] ?? []).contains { $0.target == name }
            if loops { groups.append(group.sorted()) }
        }
        for name in names where index[name] == nil { connect(name) }
        return groups.sorted { $0[0] < $1[0] }
    }

    /// The templates between `from` and `to` on a shortest way of references within a group
    /// (`from` and `to` included, once when they are the same).
    static func path(from: String, to: String, _ references: [String: [Reference]], within group: Set<String>)
        -> [String]
    {
        guard from != to else { return [from] }
        var previous: [String: String] = [from: from]
        var queue = [from]
        while !queue.isEmpty {
            let name = queue.removeFirst()
            for target in (references[name] ?? []).map(\.target) where group.contains(target) && previous[target] == nil
            {
                previous[target] = name
                if target == to {
                    var way = [to]
                    while let last = way.last, last != from, let before = previous[last] { way.append(before) }
                    return way.reversed()
                }
                queue.append(target)
            }
        }
        return [from, to]
    }
}
