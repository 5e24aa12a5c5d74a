import Foundation
import HearthFiles
import HearthMarkdown

/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute, ends with `/`.
    public var baseURL: String {
        didSet { (basePath, origin) = Self.split(baseURL) }
    }
    /// The path part of `baseURL`: `/` or `/guide/`. Every site URL starts with it.
    public private(set) var basePath = "/"
    /// Scheme, host and port of `baseURL`, for absolute URLs.
    public private(set) var origin = ""
    public var language: String
    public var description: String
    /// The topic sections, in display order.
    public var types: [String]
    /// Whether site.yml lists `types`; when it does not, every section but `exercises` is one,
    /// by name.
    public var listsTypes = false
    public var unsafeHTML: Bool
    /// Where `baseURL` is written in site.yml.
    public var baseURLPosition: SourcePosition?
    /// Where each entry of `types` is written in site.yml.
    public var typePositions: [String: SourcePosition] = [:]
    /// Whether the base URL is on a domain kept for examples (RFC 2606: `example.org`,
    /// `closer.example`): fine for a preview, wrong in a published site's links, feed and sitemap.
    public var hasExampleBaseURL: Bool {
        guard let host = URL(string: baseURL)?.host?.lowercased() else { return false }
        let labels = host.split(separator: ".")
        guard let last = labels.last else { return false }
        if last == "example" { return true }
        return labels.count >= 2 && labels[labels.count - 2] == "example" && ["com", "org", "net"].contains(last)
    }

    /// Entries of a list page (a section's, a tag's, the exercises page) before `page/2/`.
    public var paginate = 50
    /// Groups of words search treats as one (`[therapist, counsellor, counselor]`).
    public var synonyms: [[String]] = []
    /// Where the quick exit goes, and its text (`exit: url: ..., label: ...`).
    public var exit = Exit()
    /// Whether bundle images are published as written, metadata and all (`images: keepMetadata:
    /// true`); by default their location, serial numbers, names, dates and thumbnails are removed.
    public var keepImageMetadata = false

    /// The quick exit: a control on every page that replaces it with a neutral page.
    public struct Exit: Sendable, Hashable {
        public var url = "https://www.bbc.co.uk/weather"
        public var label = "Leave this site"
    }

    public init(
        title: String, baseURL: String, language: String = "en", description: String = "", types: [String] = [],
        unsafeHTML: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.types = types
        self.unsafeHTML = unsafeHTML
        (basePath, origin) = Self.split(baseURL)
    }

    static let keys = [
        "title", "baseURL", "language", "description", "types", "unsafeHTML", "paginate", "synonyms", "exit", "images",
    ]

    /// The base path of the site in `root`, as `baseURL` (or site.yml) gives it; `/` when unknown.
    public static func basePath(root: URL, overriding baseURL: String? = nil) -> String {
        if let baseURL { return split(baseURL.hasSuffix("/") ? baseURL : baseURL + "/").path }
        guard let data = Files.read(root.appendingPathComponent("content/site.yml").path)
        else { return "/" }
        var ignored: [Diagnostic] = []
        return parse(String(decoding: data, as: UTF8.self), file: "content/site.yml", diagnostics: &ignored)?.basePath
            ?? "/"
    }

    /// The path and origin of a base URL.
    public static func split(_ baseURL: String) -> (path: String, origin: String) {
        guard let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else { return ("/", "") }
        var path = url.path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return (path, "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? ""))
    }

    /// What is wrong with a base URL, with its code: not absolute, or not ending with `/`.
    static func baseURLIssue(_ value: String) -> (code: DiagnosticCode, message: String)? {
        guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()),
            url.host != nil
        else {
            return (.baseURLNotAbsolute, "'baseURL' must be an absolute http(s) URL, found '\(value)'")
        }
        if !value.hasSuffix("/") { return (.baseURLWithoutSlash, "'baseURL' must end with '/', found '\(value)'") }
        return nil
    }

    /// A BCP 47 language tag's shape: `en`, `fr-CA`, `zh-Hant-TW`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Parses site.yml; nil when it is not readable YAML. Every problem goes to `diagnostics`.
    public static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let reader = YAMLReader(file: file, lineOffset: 0, text: text)
        let pairs: [(key: Located<String>, value: YAMLNode)]
        switch reader.mapping() {
        case .success(let p): pairs = p
        case .failure(let d):
            diagnostics.append(d)
            return nil
        }
        var config = SiteConfig(title: "", baseURL: "")
        var seen: Set<String> = []
        func take<T>(_ result: Result<T, Diagnostic>) -> T? { result.value(reporting: &diagnostics) }
        for (key, value) in pairs {
            seen.insert(key.value)
            switch key.value {
            case "title":
                if let title = take(reader.string(value, key: "title")) {
                    config.title = title
                    if title.trimmingCharacters(in: .whitespaces).isEmpty {
                        diagnostics.append(
                            .error(
                                .siteTitleEmpty, file, reader.position(value), "'title' in site.yml is empty",
                                hint: "the site's name, shown in every page's header and title: e.g. title: My guide"))
                    }
                }
            case "baseURL":
                if let url = take(reader.string(value, key: "baseURL")) {
                    if let problem = baseURLIssue(url) {
                        let fixed = baseURLIssue(url + "/") == nil ? url + "/" : "https://example.org/"
                        diagnostics.append(
                            .error(
                                problem.code, file, reader.position(value), problem.message,
                                hint: "e.g. baseURL: \(fixed)"))
                    }
                    config.baseURL = url
                    config.baseURLPosition = reader.position(value)
                }
            case "language":
                config.language = take(reader.string(value, key: "language")) ?? "en"
                if !isLanguageTag(config.language) {
                    diagnostics.append(
                        .warning(
                            .languageNotTag, file, reader.position(value),
                            "'language' is not a language tag: '\(config.language)'",
                            hint: "e.g. language: en, or fr, pt-BR (it becomes <html lang>)"))
                }
            case "description": config.description = take(reader.string(value, key: "description")) ?? ""
            case "unsafeHTML": config.unsafeHTML = take(reader.bool(value, key: "unsafeHTML")) ?? false
            case "paginate": config.paginate = take(paginate(value, reader: reader)) ?? config.paginate
            case "synonyms": config.synonyms = take(synonyms(value, reader: reader)) ?? []
            case "types": config.readTypes(take(reader.stringList(value, key: "types")) ?? [], file: file, &diagnostics)
            case "exit": config.readExit(value, reader: reader, &diagnostics)
            case "images":
                for (_, value) in subKeys(value, of: "images", known: ["keepMetadata"], reader, &diagnostics) {
                    config.keepImageMetadata = take(reader.bool(value, key: "images: keepMetadata")) ?? false
                }
            default:
                let hint = Suggestions.closest(to: key.value, in: keys).map { "did you mean '\($0)'?" }
                diagnostics.append(
                    Diagnostic(
                        .warning, .unknownSiteKey, file: file, at: key.position,
                        "unknown key '\(key.value)' in site.yml",
                        hints: [hint ?? "known keys: \(keys.joined(separator: ", "))"]))
            }
        }
        config.listsTypes = seen.contains("types")
        for required in ["title", "baseURL"] where !seen.contains(required) {
            diagnostics.append(
                .error(
                    .siteKeyMissing, file, SourcePosition(line: 1, column: 1), "site.yml has no '\(required)'",
                    hint: required == "title" ? "add e.g. title: My guide" : "add e.g. baseURL: https://example.org/"))
        }
        return config
    }

    /// `types: [emotional, physical]`: folder names of content/, each once.
    mutating func readTypes(_ list: [Located<String>], file: String, _ diagnostics: inout [Diagnostic]) {
        var names: [String] = []
        for item in list {
            if item.value.isEmpty || item.value.contains("/") || item.value == "exercises" || item.value == "tags" {
                diagnostics.append(
                    .error(
                        .typeNameInvalid, file, item.position, "'\(item.value)' cannot be a type name",
                        hint: "a type is the name of a folder of content/, like 'emotional'"))
            } else if names.contains(item.value) {
                diagnostics.append(
                    .warning(.typeListedTwice, file, item.position, "type '\(item.value)' is listed twice"))
            } else {
                names.append(item.value)
                typePositions[item.value] = item.position
            }
        }
        types = names
    }

    /// `exit: {url: https://..., label: Leave this site}`: an absolute http(s) URL and a text, each
    /// optional.
    mutating func readExit(_ node: YAMLNode, reader: YAMLReader, _ diagnostics: inout [Diagnostic]) {
        for (key, value) in Self.subKeys(node, of: "exit", known: ["url", "label"], reader, &diagnostics) {
            guard let text = reader.string(value, key: "exit: \(key.value)").value(reporting: &diagnostics) else {
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if key.value == "url" {
                guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                    url.host != nil
                else {
                    diagnostics.append(
                        .error(
                            .exitURLNotAbsolute, reader.file, reader.position(value),
                            "'exit: url' must be an absolute http(s) URL, found '\(text)'",
                            hint: "a neutral page to leave to, e.g. url: \(Exit().url)"))
                    continue
                }
                exit.url = trimmed
            } else if trimmed.isEmpty {
                diagnostics.append(
                    .error(
                        .exitLabelEmpty, reader.file, reader.position(value), "'exit: label' is empty",
                        hint: "the quick exit's text, e.g. label: \(Exit().label)"))
            } else {
                exit.label = trimmed
            }
        }
    }

    /// The entries of a mapping under a key of site.yml (`images:`, `exit:`): an unknown one is a
    /// warning naming the likely key, and a value that is not a mapping an error.
    static func subKeys(
        _ node: YAMLNode, of name: String, known: [String], _ reader: YAMLReader, _ diagnostics: inout [Diagnostic]
    ) -> [(key: Located<String>, value: YAMLNode)] {
        guard let mapping = node.mapping else {
            if !reader.isNull(node) {
                diagnostics.append(
                    .error(
                        .settingNotMapping, reader.file, reader.position(node),
                        "'\(name)' must be a mapping, found \(reader.describe(node))",
                        hint: "indented keys under it: " + known.map { "\(name): \($0): ..." }.joined(separator: ", ")))
            }
            return []
        }
        var pairs: [(key: Located<String>, value: YAMLNode)] = []
        for (located, value) in reader.located(mapping) {
            guard known.contains(located.value) else {
                let hint = Suggestions.closest(to: located.value, in: known).map { "did you mean '\($0)'?" }
                diagnostics.append(
                    Diagnostic(
                        .warning, .unknownSiteKey, file: reader.file, at: located.position,
                        "unknown key '\(located.value)' under '\(name)' in site.yml",
                        hints: [hint ?? "known keys: \(known.joined(separator: ", "))"]))
                continue
            }
            pairs.append((located, value))
        }
        return pairs
    }

    /// `paginate: 50`: a whole number of at least 1.
    static func paginate(_ node: YAMLNode, reader: YAMLReader) -> Result<Int, Diagnostic> {
        let hint = "entries per list page, e.g. paginate: 50"
        return reader.integer(node, key: "paginate", hint: hint).flatMap { value in
            value >= 1
                ? .success(value)
                : .failure(
                    .error(
                        .paginateTooSmall, reader.file, reader.position(node),
                        "'paginate' must be at least 1, found \(value)", hint: hint)
                )
        }
    }

    /// `synonyms: [[therapist, counsellor]]`: lists of two or more words.
    static func synonyms(_ node: YAMLNode, reader: YAMLReader) -> Result<[[String]], Diagnostic> {
        let hint = "a list of groups of words, e.g. synonyms: [[therapist, counsellor, counselor]]"
        guard let groups = node.sequence else {
            if reader.isNull(node) { return .success([]) }
            return .failure(
                .error(
                    .valueNotList, reader.file, reader.position(node),
                    "'synonyms' must be a list, found \(reader.describe(node))",
                    hint: hint))
        }
        var out: [[String]] = []
        for group in groups {
            switch reader.stringList(group, key: "synonyms") {
            case .failure(let problem): return .failure(problem)
            case .success(let words):
                guard words.count >= 2 else {
                    return .failure(
                        .error(
                            .synonymGroupTooSmall, reader.file, reader.position(group),
                            "a group of 'synonyms' needs two words or more",
                            hint: hint))
                }
                if let empty = words.first(where: { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    return .failure(
                        .error(.synonymEmpty, reader.file, empty.position, "a word of 'synonyms' is empty", hint: hint))
                }
                out.append(words.map(\.value))
            }
        }
        return .success(out)
    }
}
