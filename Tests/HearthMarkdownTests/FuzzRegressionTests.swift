import Foundation
import HearthMarkdown
import Testing

/// Inputs the fuzzer (Fuzz/run.sh) found; each once crashed or broke an invariant.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    static let crashers = [
        // A lone carriage return ends a line for cmark; positions after it were past the text.
        "U210ZXh0Cmw9PT0KNQo+////OP////8NfiMjIEgKCiFbXShpLnB2ZykgW1thXV1IAAAAAAAAAFskW+np6enp6enp6eljXV0a"
    ]

    @Test("positions stay inside the text and heading ids stay unique", arguments: crashers)
    func regression(_ base64: String) throws {
        let data = try #require(Data(base64Encoded: base64))
        let text = String(decoding: data, as: UTF8.self)
        var resolver = PositionRecorder()
        let rendered = Markdown.render(text, lineOffset: 3, resolver: &resolver)
        let lines = Markdown.lineCount(text)
        for position in resolver.positions {
            #expect(position.line >= 4 && position.line <= lines + 3, "\(position) of \(lines) lines")
            #expect(position.column >= 1)
        }
        #expect(Set(rendered.headings.map(\.id)).count == rendered.headings.count)
    }
}

struct PositionRecorder: LinkResolver {
    var positions: [SourcePosition] = []
    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        positions.append(position)
        return ResolvedLink(url: "/x/", title: "x")
    }
    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? {
        positions.append(position)
        return nil
    }
}
