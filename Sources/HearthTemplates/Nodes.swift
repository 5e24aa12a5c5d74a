/// A problem with a template, at its place in the file.
public struct TemplateError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A syntax error or a refused feature: `Syntax` says which, `message` says it in words.
        case syntax(Syntax)
        /// A name no value in scope has, in the tag that wrote it (`written`, `site.titel`):
        /// `inScope` are the names that are.
        case unknownName(name: String, written: String, inScope: [String])
        /// A partial or parent naming no template.
        case missingTemplate(String)
        /// A template that includes itself (`chain` from the first to itself).
        case cycle([String])
    }

    /// Which syntax error: each is its own problem for a theme author to look up (HearthCore gives
    /// each its diagnostic code).
    public enum Syntax: Sendable, Equatable {
        /// `{{#name}}`, `{{^name}}`, `{{$name}}` or `{{<name}}` with no `{{/name}}`.
        case sectionNotClosed
        /// `{{/name}}` with no section open.
        case closeWithoutOpen
        /// `{{/name}}` while another section is open.
        case closeMismatch
        /// `{{name` with no closing delimiter.
        case tagNotClosed
        /// A tag's name that is not letters, digits and dots.
        case invalidName
        /// `{{> name}}` or `{{< name}}` with no name, or one with spaces.
        case invalidTemplateName
        /// Anything but a `{{$block}}` directly inside `{{<parent}}`.
        case notABlockInParent
        /// `{{=open close=}}` written some other way.
        case invalidDelimiters
        /// `{{name(value)}}`: templates have no functions.
        case functionCall
        /// `{{%PRAGMA}}`.
        case pragma
        /// `{{>*name}}`: a partial named by a value.
        case dynamicName
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?
}

/// A place in a template: a byte offset into its text.
struct Place: Sendable {
    var template: Int
    var offset: Int
}

/// A name as written in a tag: `title`, `site.title`, or `.` (no parts).
struct Name: Sendable {
    var parts: [String]
    var text: String
    var place: Place
}

/// A template's text parsed: text, tags and what they hold.
indirect enum Node: Sendable {
    case text([UInt8])
    case variable(Name, escaped: Bool)
    case section(Name, inverted: Bool, body: [Node])
    /// `{{> name}}`: `indent` is the whitespace before a standalone one, for each of its lines.
    case partial(String, indent: [UInt8], place: Place)
    /// `{{< name}}…{{/name}}` with the blocks it gives its parent.
    case parent(String, indent: [UInt8], blocks: [Block], place: Place)
    /// `{{$name}}…{{/name}}` where it is shown, with its default content.
    case block(Block)
}

/// A `{{$name}}` block: an override given to a parent, or the place a parent shows one.
struct Block: Sendable {
    var name: String
    var body: [Node]
    var place: Place
    /// The whitespace before the tag, when it starts its line.
    var whitespace: [UInt8]
    /// Whether the tag stands alone on its line (which is then not output).
    var standalone: Bool
    /// The indentation of the partial it is in, for each line it shows.
    var outer: [UInt8] = []
    /// A distinct number, for telling overrides apart when compiling.
    var id: Int
}

extension Array where Element == Node {
    /// The whitespace that starts the first line of these nodes' text, if it starts with text.
    var leadingWhitespace: [UInt8] {
        guard case .text(let bytes)? = first else { return [] }
        return [UInt8](bytes.prefix { $0 == 0x20 || $0 == 0x09 })
    }
}

/// Indents nodes as a partial or block shown with `indent` before each of its lines: inserted at
/// the start of every line that outputs anything (and at the very start if `atStart`). Newlines in
/// values do not start lines (the Mustache spec's rule).
func indented(_ nodes: [Node], by indent: [UInt8], atStart: inout Bool) -> [Node] {
    guard !indent.isEmpty else { return nodes }
    var out: [Node] = []
    for node in nodes {
        switch node {
        case .text(let bytes):
            var text: [UInt8] = []
            for byte in bytes {
                if atStart { text += indent }
                text.append(byte)
                atStart = byte == 0x0A
            }
            out.append(.text(text))
        case .variable:
            if atStart { out.append(.text(indent)) }
            atStart = false
            out.append(node)
        case .section(let name, let inverted, let body):
            var inside = atStart
            out.append(.section(name, inverted: inverted, body: indented(body, by: indent, atStart: &inside)))
            atStart = inside
        case .partial(let name, let own, let place):
            if atStart { out.append(.text(indent)) }
            out.append(.partial(name, indent: indent + own, place: place))
            atStart = false
        case .parent(let name, let own, let blocks, let place):
            if atStart { out.append(.text(indent)) }
            out.append(.parent(name, indent: indent + own, blocks: blocks, place: place))
            atStart = false
        case .block(var block):
            // What it shows is indented when compiled: an override comes from another template.
            if atStart && !block.standalone { out.append(.text(indent)) }
            block.outer = indent + block.outer
            out.append(.block(block))
            atStart = block.standalone
        }
    }
    return out
}
