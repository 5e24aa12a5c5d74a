import HearthMarkdown
import Mustache

/// Turns swift-mustache's parser errors (`expectedSectionEnd` at the end of the file) into what a
/// theme author can act on: which tag is wrong, where it is, and what to write instead.
enum TemplateErrors {
    /// One `{{...}}` tag of a template: its sigil (`#`, `^`, `/`, `$`, `<`, `>`, `!`, `&`, `{` or
    /// nil for a plain variable), its name and where it starts.
    struct Tag {
        var sigil: Character?
        var name: String
        var position: SourcePosition
    }

    /// The tags of a template written with the default `{{ }}` delimiters (none once it changes
    /// them with `{{=<% %>=}}`), or the place of a tag that is never closed.
    static func tags(in text: String) -> (tags: [Tag], unclosed: SourcePosition?) {
        var tags: [Tag] = []
        for (index, line) in text.textLines.enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let position = SourcePosition(
                    line: index + 1, column: line.distance(from: line.startIndex, to: open.lowerBound) + 1)
                var inside = rest[open.upperBound...]
                let sigil = inside.first.flatMap { "#^/$<>!&{=%".contains($0) ? $0 : nil }
                if sigil == "=" { return ([], nil) }  // other delimiters: not followed here
                if sigil != nil { inside = inside.dropFirst() }
                let closing = sigil == "{" ? "}}}" : "}}"
                guard let close = inside.range(of: closing) else {
                    // A comment may run over several lines; anything else is unclosed.
                    if sigil == "!" { break }
                    return (tags, position)
                }
                let name = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                tags.append(Tag(sigil: sigil, name: name, position: position))
                rest = inside[close.upperBound...]
            }
        }
        return (tags, nil)
    }

    /// What to tell the author about a template that does not parse.
    static func diagnostic(file: String, text: String, error: MustacheTemplate.ParserError, pragmaLength: Int)
        -> Diagnostic
    {
        let reported = SourcePosition(
            line: error.context.lineNumber,
            column: max(1, error.context.columnNumber - (error.context.lineNumber == 1 ? pragmaLength : 0)))
        let (tags, unclosed) = tags(in: text)
        if let unclosed {
            return .error(file, unclosed, "this tag is not closed", hint: "end it with }} ({{{name}}} with }}})")
        }
        // The sections, as the parser pairs them.
        var open: [Tag] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                guard let last = open.last else {
                    return .error(
                        file, tag.position, "{{/\(tag.name)}} closes a section that was never opened",
                        hint: "remove it, or open the section before it with {{#\(tag.name)}}")
                }
                guard last.name == tag.name else {
                    return .error(
                        file, tag.position,
                        "{{/\(tag.name)}} does not close the open section {{\(last.sigil!)\(last.name)}}",
                        hint:
                            "close {{\(last.sigil!)\(last.name)}} (line \(last.position.line)) first with {{/\(last.name)}}"
                    )
                }
                open.removeLast()
            default:
                break
            }
        }
        if let last = open.last {
            return .error(
                file, last.position, "{{\(last.sigil!)\(last.name)}} is never closed",
                hint: "close it with {{/\(last.name)}} where the section ends")
        }
        return .error(
            file, reported, "template syntax error: \(error.error)",
            hint: "see the Mustache manual: https://mustache.github.io/mustache.5.html")
    }
}
