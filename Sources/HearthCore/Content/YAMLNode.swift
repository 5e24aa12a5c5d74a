import Yams

/// Where a YAML node starts, as libyaml counts: lines and columns from 1, columns in Unicode
/// scalars.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}

/// A YAML value as front matter and site.yml are read: text as written, a list or a mapping, each
/// with where it starts. `SimpleYAML` makes it for plain `key: value` lines, Yams for the rest;
/// the readers of keys see no difference.
enum YAMLNode: Sendable, Equatable {
    case scalar(Scalar)
    case sequence([YAMLNode], mark: YAMLMark?)
    case mapping([Pair], mark: YAMLMark?)
    case alias(mark: YAMLMark?)

    struct Scalar: Sendable, Equatable {
        enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded, other
        }

        var string: String
        var style: Style
        var mark: YAMLMark?
    }

    struct Pair: Sendable, Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// A scalar's text.
    var string: String? { scalar?.string }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    var mark: YAMLMark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark), .alias(let mark): mark
        }
    }

    /// Yams' node as Hearth reads it.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            let style: Scalar.Style =
                switch scalar.style {
                case .plain: .plain
                case .singleQuoted: .singleQuoted
                case .doubleQuoted: .doubleQuoted
                case .literal: .literal
                case .folded: .folded
                default: .other
                }
            self = .scalar(Scalar(string: scalar.string, style: style, mark: scalar.mark.map(YAMLMark.init)))
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), mark: sequence.mark.map(YAMLMark.init))
        case .mapping(let mapping):
            self = .mapping(
                mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) },
                mark: mapping.mark.map(YAMLMark.init))
        case .alias(let alias):
            self = .alias(mark: alias.mark.map(YAMLMark.init))
        }
    }
}
