/// A value as a template sees it.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    case object(any TemplateObject)
    case list(any TemplateList)

    /// Whether a section shows for it: not for null, false or an empty list.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let list): list.count > 0
        default: true
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// What a template can know of a value before any page renders: the type of a field. A name used
/// where no value in scope has it is an error when the theme loads.
public indirect enum TemplateType: Sendable {
    case text
    case bool
    case int
    case object(TemplateSchema)
    case list(TemplateType)
    /// Known only when rendering (data read from JSON, as in the Mustache spec's tests).
    case any
}

/// The names an object answers, each with its type; `open` objects (a dictionary) answer names
/// known only when rendering, through `value(named:)`.
public final class TemplateSchema: Sendable {
    public let name: String
    public let fieldNames: [String]
    public let fieldTypes: [TemplateType]
    public let isOpen: Bool
    let index: [String: Int]

    public init(name: String, fields: [(String, TemplateType)], isOpen: Bool = false) {
        self.name = name
        fieldNames = fields.map(\.0)
        fieldTypes = fields.map(\.1)
        self.isOpen = isOpen
        index = Dictionary(
            fields.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// An object whose names are known only when rendering.
    public static let open = TemplateSchema(name: "value", fields: [], isOpen: true)
}

/// A value with names: a template's context, or anything a section puts in view.
public protocol TemplateObject: Sendable {
    var schema: TemplateSchema { get }
    /// The value of the field at `index` of `schema.fieldNames`.
    func value(at index: Int) -> TemplateValue
    /// For an open schema: the value of a name, nil when the object has no such name.
    func value(named name: String) -> TemplateValue?
    /// A digest of every field, when the object made one once (it is part of many others').
    var digest: UInt64? { get }
}

extension TemplateObject {
    public func value(named name: String) -> TemplateValue? {
        schema.index[name].map { value(at: $0) }
    }

    public var digest: UInt64? { nil }
}

/// A list a section iterates.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// A Swift value that a template field can hold.
public protocol TemplateRepresentable: Sendable {
    static var templateType: TemplateType { get }
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    public static var templateType: TemplateType { .text }
    public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    public static var templateType: TemplateType { .int }
    public var templateValue: TemplateValue { .int(self) }
}

extension Bool: TemplateRepresentable {
    public static var templateType: TemplateType { .bool }
    public var templateValue: TemplateValue { .bool(self) }
}

/// A choice among names (an enum of `String` raw values) shows as its name.
extension TemplateRepresentable where Self: RawRepresentable, RawValue == String {
    public static var templateType: TemplateType { .text }
    public var templateValue: TemplateValue { .text(rawValue) }
}

extension Array: TemplateList where Element: TemplateRepresentable {
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

/// An object described by a list of its fields, each written once: its name, its type and how to
/// read it. The schema, the values and anything else derived from the fields (a digest) all come
/// from that one list.
public protocol TemplateFielded: TemplateObject, TemplateRepresentable {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateFielded {
    public var schema: TemplateSchema { Self.fields.schema }
    public func value(at index: Int) -> TemplateValue { Self.fields.getters[index](self) }
    public static var templateType: TemplateType { .object(fields.schema) }
    public var templateValue: TemplateValue { .object(self) }
}

/// One field of an object: a name, a type and a reader.
public struct TemplateField<Object>: Sendable {
    let name: String
    let type: TemplateType
    let get: @Sendable (Object) -> TemplateValue

    @usableFromInline
    init(name: String, type: TemplateType, get: @escaping @Sendable (Object) -> TemplateValue) {
        self.name = name
        self.type = type
        self.get = get
    }

    /// A text, a number, a flag or an object; nil is null (a section does not show, and a name
    /// looked up on it is looked up further out). Inlinable, as `list` is: made in the module that
    /// names `T`, the reader is specialized for it, where a generic one asked the runtime for
    /// `Optional<T>`'s metadata on every read (2% of a 10,000-page build).
    @inlinable
    public static func value<T: TemplateRepresentable>(_ name: String, _ get: @escaping @Sendable (Object) -> T?)
        -> Self
    {
        Self(name: name, type: T.templateType) { get($0)?.templateValue ?? .null }
    }

    /// A text that is null when empty.
    public static func text(_ name: String, _ get: @escaping @Sendable (Object) -> String) -> Self {
        Self(name: name, type: .text) {
            let text = get($0)
            return text.isEmpty ? .null : .text(text)
        }
    }

    /// A list of texts, numbers or objects.
    @inlinable
    public static func list<T: TemplateRepresentable>(_ name: String, _ get: @escaping @Sendable (Object) -> [T])
        -> Self
    {
        Self(name: name, type: .list(T.templateType)) { .list(get($0)) }
    }
}

extension TemplateField {
    /// This field of an object another one holds: null where it holds none.
    public func through<Outer>(_ object: @escaping @Sendable (Outer) -> Object?) -> TemplateField<Outer> {
        let get = self.get
        return TemplateField<Outer>(name: name, type: type) { object($0).map(get) ?? .null }
    }
}

/// The fields of an object type, in order.
public struct TemplateFields<Object>: Sendable {
    public let schema: TemplateSchema
    let getters: [@Sendable (Object) -> TemplateValue]

    public init(_ name: String, _ fields: [TemplateField<Object>]) {
        schema = TemplateSchema(name: name, fields: fields.map { ($0.name, $0.type) })
        getters = fields.map(\.get)
    }
}
