import Foundation
import HearthFiles
import HearthMarkdown
import HearthTemplates

/// The Mustache templates of `templates/`, loaded once, checked and compiled against the contexts
/// they render (`HearthTemplates`): the page templates against `PageContext`, `partials/card`
/// against `CardView`, site partials against `SiteOnlyContext`.
struct Theme: Sendable {
    static let cardTemplate = "partials/card"
    static let requiredTemplates = ["baseof", "home", "section", "page", "exercise", "tag", "tags", "404", "search"]
    /// Page templates a theme may leave out: Hearth has a plain one of its own.
    static let optionalTemplates = ["deck": plainDeck]
    static let pageTemplates = requiredTemplates + optionalTemplates.keys.sorted()

    /// The deck of a theme without `deck.mustache`: every card in full, one a printed page, its
    /// sections' headings without ids (every card has a `steps`).
    static let plainDeck = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{documentTitle}}</title><style>@media print { .deck-card + .deck-card { break-before: page; } }</style>
        </head>
        <body><main><h1>{{title}}</h1>
        {{#deck}}<article class="deck-card"><h2><a href="{{url}}">{{title}}</a></h2>
        <p>{{duration}} min · {{difficulty}} · {{whoLabel}}</p>
        {{{sections.intro}}}{{#sections.all}}<h3>{{title}}</h3>
        {{{body}}}{{/sections.all}}</article>
        {{/deck}}{{#pagination}}<nav>{{#previous}}<a rel="prev" href="{{url}}">{{title}}</a> {{/previous}}{{#next}}<a rel="next" href="{{url}}">{{title}}</a>{{/next}}</nav>{{/pagination}}</main></body>
        </html>

        """

    let program: CompiledTemplates
    /// A digest of every template's text, for caches.
    let fingerprint: String
    /// The names of the templates, as `{{> name}}` calls them (`partials/header`).
    var names: [String] = []
    /// The site partials' texts for this site (`renderingSitePartials`), in `program.fixedNames`' order.
    var siteTexts: [[UInt8]] = []

    /// A page's HTML, as the bytes of its file.
    func render(_ context: PageContext, template: String) -> [UInt8] {
        program.renderBytes(template, .object(context), fixed: siteTexts)
    }

    func renderCard(_ card: CardView) -> String {
        program.render(Self.cardTemplate, .object(card), fixed: siteTexts)
    }

    /// Whether a template is a site partial: one whose file name starts with `site-`
    /// (`partials/site-header.mustache`). It sees only `site`, so it is the same on every page.
    static func isSitePartial(_ name: String) -> Bool {
        name.split(separator: "/").last?.hasPrefix("site-") ?? false
    }

    /// This theme with every site partial rendered once, for this site: pages then include its
    /// text rather than rendering it again (Hugo's `partialCached`).
    func renderingSitePartials(_ site: SiteView) -> Theme {
        var theme = self
        theme.siteTexts = program.fixedNames.map {
            Array(program.render($0, .object(SiteOnlyContext(site: site))).utf8)
        }
        return theme
    }

    static func load(root: URL) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var texts: [(name: String, file: String, text: String)] = []
        // Templates that are there, whether or not they can be read: one that cannot is not also missing.
        var present: Set<String> = []
        var hasher = StableHasher()
        for (relative, text) in templateTexts(root: root, diagnostics: &diagnostics) {
            let name = String(relative.dropLast(".mustache".count))
            present.insert(name)
            guard let text else { continue }
            hasher.combine(relative)
            hasher.combine(text)
            texts.append((name, "templates/" + relative, text))
        }
        for (name, text) in optionalTemplates.sorted(by: { $0.key < $1.key }) where !present.contains(name) {
            texts.append((name, "(Hearth's own \(name) template)", text))
            present.insert(name)
        }
        let library = TemplateLibrary(texts)
        diagnostics += library.errors.map(TemplateErrors.diagnostic)
        for required in requiredTemplates + [cardTemplate] where !present.contains(required) {
            diagnostics.append(
                .error(
                    .requiredTemplateMissing, "templates/\(required).mustache", nil,
                    "the template '\(required)' is missing",
                    hint: "every theme needs: "
                        + (requiredTemplates + [cardTemplate]).map { $0 + ".mustache" }.joined(separator: ", ")))
        }
        // A partial or parent that names no template would render as nothing: report it instead.
        for template in texts {
            for reference in partialReferences(in: template.text) where !present.contains(reference.name) {
                diagnostics.append(
                    .error(
                        .noTemplateNamed, template.file, reference.position, "no template named '\(reference.name)'",
                        hint: Suggestions.closest(to: reference.name, in: present).map { "did you mean '\($0)'?" }))
            }
        }
        diagnostics += includeCycles(texts.map { ($0.name, $0.file, $0.text) })
        for template in texts {
            diagnostics += TemplateErrors.escapedHTML(file: template.file, text: template.text)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        let pageType = PageContext.templateType
        var roots = Dictionary(uniqueKeysWithValues: pageTemplates.map { ($0, pageType) })
        roots[cardTemplate] = CardView.templateType
        let sitePartials = texts.map(\.name).filter(isSitePartial).map { ($0, SiteOnlyContext.templateType) }
        let (program, errors) = library.compile(roots: roots, fixed: Dictionary(uniqueKeysWithValues: sitePartials))
        diagnostics += errors.map(TemplateErrors.diagnostic)
        guard let program else { return (nil, diagnostics) }
        return (Theme(program: program, fingerprint: hasher.hex, names: texts.map(\.name)), diagnostics)
    }

    /// Whether a site has a theme of its own; one without `templates/` is built with the default
    /// theme built into Hearth (`DefaultTheme`).
    static func hasOwnTheme(root: URL) -> Bool {
        Files.isFolder(root.appendingPathComponent("templates").path)
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
            folder, site: Files.realPath(root.path) ?? root.path, outside: &outside)
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
            folder, site: Files.realPath(root.path) ?? root.path, outside: &outside)
        return files.map { relative in
            (
                relative,
                Files.read(folder.appendingPathComponent(relative).path).map(Array.init)
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
                // A dynamic name, an empty one or one with spaces is refused where it is parsed
                // (H309, H314): said once, there.
                if !name.hasPrefix("*"), !name.isEmpty, !name.contains(where: \.isWhitespace) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    out.append((name, SourcePosition(line: index + 1, column: column)))
                }
                rest = after[close.upperBound...]
            }
        }
        return out
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
