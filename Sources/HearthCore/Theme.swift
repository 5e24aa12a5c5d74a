import Foundation
import HearthMarkdown
import Mustache

/// The Mustache templates of `templates/`, loaded once and checked.
struct Theme: Sendable {
    static let requiredTemplates = ["baseof", "home", "section", "page", "exercise", "tag", "tags", "404", "search"]

    let library: MustacheLibrary
    /// A digest of every template's text, for caches.
    let fingerprint: String

    func render(_ context: PageContext, template: String) -> String? {
        library.render(context, withTemplate: template)
    }

    static func load(root: URL) -> (Theme?, [Diagnostic]) {
        let folder = root.appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        guard ContentLoader.isDir(folder) else {
            return (
                nil,
                [
                    .error(
                        "templates", nil, "there is no templates/ folder",
                        hint: "copy the default theme's templates/ folder into the site")
                ]
            )
        }
        var library = MustacheLibrary()
        var texts: [(name: String, file: String, text: String)] = []
        var hasher = FNV1a()
        for relative in ContentLoader.listFilesRecursively(folder)
        where relative.hasSuffix(".mustache") && !relative.hasPrefix("assets/") {
            let name = String(relative.dropLast(".mustache".count))
            let file = "templates/" + relative
            guard let text = ContentLoader.readText(
                folder.appendingPathComponent(relative), file: file, diagnostics: &diagnostics)
            else { continue }
            hasher.add(relative)
            hasher.add(text)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                texts.append((name, file, text))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        file, SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber),
                        "template syntax error: \(error.error)",
                        hint: "check that every {{#section}} and {{^section}} is closed by {{/section}}"))
            } catch {
                diagnostics.append(.error(file, nil, "template syntax error: \(error)"))
            }
        }
        let names = Set(texts.map(\.name))
        for required in requiredTemplates where !names.contains(required) {
            diagnostics.append(
                .error(
                    "templates/\(required).mustache", nil, "the template '\(required)' is missing",
                    hint: "every theme needs: " + requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", ")))
        }
        // A partial or parent that names no template would render as nothing: report it instead.
        for template in texts {
            for reference in partialReferences(in: template.text) where !names.contains(reference.name) {
                diagnostics.append(
                    .error(
                        template.file, reference.position, "no template named '\(reference.name)'",
                        hint: Suggestions.closest(to: reference.name, in: names).map { "did you mean '\($0)'?" }))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (Theme(library: library, fingerprint: hasher.hex), diagnostics)
    }

    /// `{{> name}}` and `{{< name}}` in a template, with their places.
    static func partialReferences(in text: String) -> [(name: String, position: SourcePosition)] {
        var out: [(String, SourcePosition)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let sigil = after.first, sigil == ">" || sigil == "<",
                    let close = after.range(of: "}}")
                else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !name.hasPrefix("*") {  // dynamic names are resolved at render time
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    out.append((name, SourcePosition(line: index + 1, column: column)))
                }
                rest = after[close.upperBound...]
            }
        }
        return out
    }
}

/// A small, stable 64-bit FNV-1a hash (Swift's own hashing is seeded per run).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xff
        value &*= 0x100_0000_01b3
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
