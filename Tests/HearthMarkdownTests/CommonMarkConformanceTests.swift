import Foundation
import HearthMarkdown
import Testing

struct SpecExample: Decodable, Sendable, CustomTestStringConvertible {
    let markdown: String
    let html: String
    let example: Int
    let section: String
    var testDescription: String { "example \(example) (\(section))" }

    static let all: [SpecExample] = {
        guard let url = Bundle.module.url(forResource: "Resources/spec-0.30", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let examples = try? JSONDecoder().decode([SpecExample].self, from: data)
        else { return [] }
        return examples
    }()
}

/// Records what the pipeline asks and resolves nothing: cmark's output must come through unchanged.
struct RecordingResolver: LinkResolver {
    var wikilinks: [Wikilink] = []
    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        wikilinks.append(wikilink)
        return nil
    }
    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? { nil }
}

/// Removes exactly what Hearth adds to cmark's headings: ` id="..."` on `<h1>`..`<h6>`.
func removingHeadingIDs(_ html: String) -> String {
    var out = ""
    var rest = Substring(html)
    while let range = rest.range(of: "<h") {
        out += rest[..<range.upperBound]
        rest = rest[range.upperBound...]
        if let level = rest.first, ("1"..."6").contains(level), rest.dropFirst().hasPrefix(" id=\"") {
            out.append(level)
            let afterAttribute = rest.dropFirst(6)
            if let quote = afterAttribute.firstIndex(of: "\"") {
                rest = afterAttribute[afterAttribute.index(after: quote)...]
            }
        }
    }
    return out + rest
}

@Suite("CommonMark 0.30 conformance")
struct CommonMarkConformanceTests {
    @Test("the spec examples are all there")
    func examplesLoaded() {
        #expect(SpecExample.all.count == 652)
    }

    @Test("every example renders exactly as cmark does, heading ids aside", arguments: SpecExample.all)
    func example(_ example: SpecExample) {
        var resolver = RecordingResolver()
        let options = MarkdownOptions(smartPunctuation: false, unsafeHTML: true, wikilinks: true, headingIDs: true)
        let rendered = Markdown.render(example.markdown, options: options, resolver: &resolver)
        #expect(removingHeadingIDs(rendered.html) == example.html)
    }

    @Test("headings of the examples do get ids")
    func headingsGetIDs() {
        let withHeadings = SpecExample.all.filter { $0.html.contains("<h2>") }
        #expect(!withHeadings.isEmpty)
        for example in withHeadings {
            let html = Markdown.render(example.markdown, options: MarkdownOptions(smartPunctuation: false)).html
            #expect(html.contains("<h2 id=\""), "\(example.testDescription)")
        }
    }
}
