import Foundation
import HearthMarkdown
import Mustache

/// The Mustache templates of `templates/`, loaded once and checked.
struct Theme: Sendable {
    static let cardTemplate = "partials/card"
    static let requiredTemplates = [
        "baseof", "home", "section", "page", "exercise", "tag", "tags", "404", "search", cardTemplate,
    ]

    let library: MustacheLibrary
    /// A digest of every template's text, for caches.
    let fingerprint: String
    /// The names of the templates, as `{{> name}}` calls them (`partials/header`).
    var names: [String] = []

    func render(_ context: PageContext, template: String) -> String {
        library.render(ContextBox(context), withTemplate: template) ?? ""
    }

    /// Whether a template is a site partial: one whose file name starts with `site-`
    /// (`partials/site-header.mustache`). It sees only `site`, so it is the same on every page.
    static func isSitePartial(_ name: String) -> Bool {
        name.split(separator: "/").last?.hasPrefix("site-") ?? false
    }

    /// These templates with every site partial rendered once, for this site: pages then include
    /// its text rather than rendering it again (Hugo's `partialCached`). A site partial renders
    /// with only `site` in view, here and on every page, so the text is the same either way.
    func renderingSitePartials(_ site: SiteView) -> Theme {
        var library = self.library
        for name in names where Self.isSitePartial(name) {
            guard let text = self.library.render(SiteOnlyContext(site: site), withTemplate: name),
                let literal = Self.literal(text)
            else { continue }
            library.register(literal, named: name)
        }
        return Theme(library: library, fingerprint: fingerprint, names: names)
    }

    /// A template that renders as `text` exactly, whatever it holds: its tags are set to two
    /// control characters the text does not contain, and a comment follows the set-delimiter tag
    /// so that neither stands alone on its line (a standalone tag would take the line break after
    /// it).
    static func literal(_ text: String) -> MustacheTemplate? {
        let pairs: [(Character, Character)] = [("\u{1}", "\u{2}"), ("\u{3}", "\u{4}"), ("\u{5}", "\u{6}")]
        guard let (open, close) = pairs.first(where: { !text.contains($0.0) && !text.contains($0.1) }) else {
            return nil
        }
        return try? MustacheTemplate(string: "{{=\(open) \(close)=}}\(open)!\(close)" + text)
    }

    static func load(root: URL) -> (Theme?, [Diagnostic]) {
        HTMLEscaping.registered
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var texts: [(name: String, file: String, text: String)] = []
        // Templates that are there, whether or not they parse: one that does not is not also missing.
        var present: Set<String> = []
        var hasher = StableHasher()
        for (relative, text) in templateTexts(root: root, diagnostics: &diagnostics) {
            let name = String(relative.dropLast(".mustache".count))
            let file = "templates/" + relative
            present.insert(name)
            guard let text else { continue }
            hasher.combine(relative)
            hasher.combine(text)
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                texts.append((name, file, text))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    TemplateErrors.diagnostic(
                        file: file, text: text, error: error, pragmaLength: HTMLEscaping.pragma.count))
            } catch {
                diagnostics.append(.error(file, nil, "template syntax error: \(error)"))
            }
        }
        for required in requiredTemplates where !present.contains(required) {
            diagnostics.append(
                .error(
                    "templates/\(required).mustache", nil, "the template '\(required)' is missing",
                    hint: "every theme needs: " + requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", ")))
        }
        // A partial or parent that names no template would render as nothing: report it instead.
        for template in texts {
            for reference in partialReferences(in: template.text) where !present.contains(reference.name) {
                diagnostics.append(
                    .error(
                        template.file, reference.position, "no template named '\(reference.name)'",
                        hint: Suggestions.closest(to: reference.name, in: present).map { "did you mean '\($0)'?" }))
            }
        }
        diagnostics += includeCycles(texts.map { ($0.name, $0.file, $0.text) })
        for template in texts {
            diagnostics += TemplateErrors.unknownNames(
                file: template.file, text: template.text, isSitePartial: isSitePartial(template.name))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (Theme(library: library, fingerprint: hasher.hex, names: texts.map(\.name)), diagnostics)
    }

    /// Whether a site has a theme of its own; one without `templates/` is built with the default
    /// theme built into Hearth (`DefaultTheme`).
    static func hasOwnTheme(root: URL) -> Bool {
        SiteFiles.isDir(root.appendingPathComponent("templates"))
    }

    /// The `.mustache` files of the site's theme, relative to `templates/`, sorted, with their text
    /// (nil for one that cannot be read, reported).
    static func templateTexts(root: URL, diagnostics: inout [Diagnostic]) -> [(String, String?)] {
        guard hasOwnTheme(root: root) else {
            return defaultThemeFiles { $0.hasSuffix(".mustache") }.map { ($0.path, $0.file.text) }
        }
        let folder = root.appendingPathComponent("templates")
        var outside: [String] = []
        let files = SiteFiles.listFilesRecursively(
            folder, site: SiteFiles.realPath(root.path) ?? root.path, outside: &outside)
        diagnostics += outside.map { SiteFiles.linkLeavesSite("templates/" + $0) }
        return files.filter {
            $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/")
        }.map { relative in
            (
                relative,
                SiteFiles.readText(
                    folder.appendingPathComponent(relative), file: "templates/" + relative, diagnostics: &diagnostics)
            )
        }
    }

    /// The files of `templates/assets/` (published in `assets/`), relative to it, with their bytes
    /// (nil for one that cannot be read).
    static func assets(root: URL) -> [(path: String, bytes: [UInt8]?)] {
        guard hasOwnTheme(root: root) else {
            return defaultThemeFiles { $0.hasPrefix("assets/") }.map {
                (String($0.path.dropFirst("assets/".count)), $0.file.bytes)
            }
        }
        let folder = root.appendingPathComponent("templates/assets")
        // A link out of the site is an error of the theme's load (templateTexts): never read here.
        var outside: [String] = []
        let files = SiteFiles.listFilesRecursively(
            folder, site: SiteFiles.realPath(root.path) ?? root.path, outside: &outside)
        return files.map { relative in
            (
                relative,
                FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path).map(Array.init)
            )
        }
    }

    /// The files of the default theme (`DefaultTheme`) whose paths `include` takes, by path.
    private static func defaultThemeFiles(_ include: (String) -> Bool) -> [(path: String, file: ThemeFile)] {
        DefaultTheme.files.filter { include($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `{{> name}}` and `{{< name}}` in a template, with their places.
    static func partialReferences(in text: String) -> [(name: String, position: SourcePosition)] {
        var out: [(String, SourcePosition)] = []
        for (index, line) in text.textLines.enumerated() {
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

/// Mustache's `{{ }}` escaping, the same five characters (`< > & " '`), done on UTF-8 bytes.
///
/// swift-mustache escapes character by character through a dictionary, which was a quarter of the
/// build's time on large sites; it lets a template choose its content type with a pragma, so every
/// template is loaded with this one.
struct HTMLEscaping: MustacheContentType {
    static let name = "HEARTH_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"

    /// Registered once a process: swift-mustache's table of content types is global.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// Bit `b` is set for each byte `b` (all below 64) that `escape` replaces: `" & ' < >`.
    private static let escaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    static func escape(_ text: String) -> String {
        var text = text
        // Most values have nothing to escape: one pass over the bytes finds that without copying.
        let escapedText: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { $0 < 64 && escaped >> $0 & 1 != 0 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escapedText ?? text
    }
}

/// A file of the theme built into Hearth: text as written, anything else (an image, a font) as
/// base64 (`make theme`).
enum ThemeFile: Sendable {
    case text(String)
    case base64(String)

    /// The text of a template (a binary file has none).
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var bytes: [UInt8]? {
        switch self {
        case .text(let text): Array(text.utf8)
        case .base64(let encoded): Data(base64Encoded: encoded).map(Array.init)
        }
    }
}
