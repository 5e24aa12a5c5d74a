import Foundation
import Testing

@testable import HearthCore

/// A build lets go of each page's Markdown text once it is rendered (issue 37); what is kept of a
/// page must still say where its text starts, and the memo store must give the text back whole.
@Suite("a page's text let go of")
struct PageTextTests {
    static let file = "---\ntitle: Soul Gazing\n---\n\n\nSit facing each other. Look, and keep looking.\n"

    static func page() -> Page {
        let body = String(file.split(separator: "---\n", maxSplits: 2, omittingEmptySubsequences: false)[2])
        return Page(
            id: 0, kind: .article, file: "content/a.md", contentPath: "a.md", section: nil, slug: "a", path: "a/",
            meta: PageMeta(), body: body, bodyLineOffset: 3, bundleDirectory: nil, bundleFiles: [], types: [])
    }

    @Test("a page without its text keeps its length and where the text starts, and takes it back from its file")
    func withoutBody() throws {
        let whole = Self.page()
        let kept = whole.withoutBody()
        #expect(!kept.body.contains("Sit facing"))
        #expect(kept.bodyByteCount == whole.bodyByteCount)
        #expect(kept.textStart == whole.textStart && whole.textStart.line == 6)
        let back = try #require(Data(Self.file.utf8).withUnsafeBytes { kept.withBody(fromEndOf: $0) })
        #expect(back.body == whole.body)
    }

    @Test("the memo store keeps no page's text, yet a page it gives back has it")
    func storeGivesTextBack() {
        let store = BuildCache()
        store.beginBuild()
        let data = Data(Self.file.utf8)
        var made = 0
        func read() -> Page? {
            store.source("a.md", key: 7, data: data) {
                made += 1
                return (Self.page(), [])
            }.0
        }
        let first = read()
        let second = read()
        #expect(made == 1)
        #expect(first?.body.contains("Sit facing") == true)
        #expect(second?.body == first?.body)
    }
}
