import Foundation
import Testing

@testable import HearthCore

/// What an editor reads when a link stops working: the cause, not its echoes.
@Suite("link diagnostics")
struct LinkDiagnosticsTests {
    static func printed(_ report: BuildReport, root: URL) -> String {
        DiagnosticPrinter(root: root, color: false).render(report.diagnostics)
    }

    /// The basic fixture, built once (the last good build), then built again with one edit of
    /// listening.md: the site's folder, the edited build's report, and the file's text before.
    static func editedListening(_ old: String, _ new: String) async throws -> (URL, BuildReport, String) {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let file = root.appendingPathComponent("content/emotional/listening.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        return (root, await build(root), text)
    }

    @Test("links to a page whose front matter failed to parse are one note, never missing pages")
    func failedPage() async throws {
        let (root, report, _) = try await Self.editedListening("tags: [listening, Trust]", "tags: [listening, Trust")
        #expect(report.has(.error, "content/emotional/listening.md:6:7", .listNotClosed), "\(report.messages)")
        // Linked by its title (index.md, touch.md) and its alias (hugs.md): none is "missing".
        #expect(!report.diagnostics.items.contains { $0.code == .noPageMatches }, "\(report.messages)")
        let notes = report.diagnostics.items.filter { $0.severity == .note }
        #expect(notes.count == 1, "\(report.messages)")
        #expect(notes.first?.code == .linksToFailedPageNotChecked, "\(report.messages)")
        // Printed with its code, naming the page that failed.
        let printed = Self.printed(report, root: root)
        #expect(
            printed.split(separator: "\n").contains {
                $0.contains(": note: ") && $0.contains("content/emotional/listening.md") && $0.hasSuffix(" [H207]")
            }, "\(printed)")
        #expect(report.diagnostics.errorCount == 1)
    }

    @Test("a link to a title that changed names the page and the alias to add")
    func renamedTitle() async throws {
        let (root, report, text) = try await Self.editedListening(
            "title: Listening First", "title: Listening to Understand")
        let file = root.appendingPathComponent("content/emotional/listening.md")
        let error = try #require(
            report.diagnostics.items.first { $0.location == "content/index.md:5:38" }, "\(report.messages)")
        #expect(error.code == .noPageMatches)
        #expect(
            error.hints == [
                "content/emotional/listening.md had the title 'Listening First' in the last build and is now 'Listening to Understand'",
                "link [[Listening to Understand]], or add 'Listening First' to its aliases: so that old links keep working",
            ])
        // Once the old title is an alias, the old links work again.
        try Data(
            text.replacingOccurrences(of: "title: Listening First", with: "title: Listening to Understand")
                .replacingOccurrences(
                    of: "aliases: [Active listening]", with: "aliases: [Active listening, Listening First]"
                )
                .utf8
        ).write(to: file)
        #expect(await build(root).succeeded)
    }

    @Test("with no earlier build, a title close to the link is named, with the alias to add")
    func nearTitle() async throws {
        let root = try Fixture.site(
            changing: ["content/physical/extra.md": "---\ntitle: Extra\n---\n\nSee [[Gentel Touch]].\n"])
        let report = await build(root)
        let error = try #require(report.diagnostics.items.first { $0.file == "content/physical/extra.md" })
        #expect(error.code == .noPageMatches && error.location == "content/physical/extra.md:5:5")
        #expect(
            error.hints == [
                "did you mean 'Gentle Touch'?",
                "if content/physical/touch.md was once titled 'Gentel Touch', add that to its aliases:",
            ])
    }

    @Test("a missing anchor: the nearest id, then at most five headings, one a line")
    func missingAnchor() async throws {
        let headings = (1...8).map { "## Step number \($0)\n\nText.\n" }.joined(separator: "\n")
        let root = try Fixture.site(
            changing: [
                "content/physical/steps.md": "---\ntitle: Many Steps\n---\n\n\(headings)",
                "content/physical/extra.md": "---\ntitle: Extra\n---\n\nSee [[Many Steps#step-number-7x]].\n",
            ])
        let report = await build(root)
        let error = try #require(report.diagnostics.items.first { $0.file == "content/physical/extra.md" })
        #expect(error.code == .headingNotFound && error.location == "content/physical/extra.md:5:5")
        #expect(error.hints.first == "did you mean '#step-number-7'?")
        let printed = Self.printed(report, root: root)
        let listed = printed.split(separator: "\n").filter { $0.contains("(#step-number-") }
        #expect(listed.count == 5, "\(printed)")
        #expect(listed.first?.contains("Step number 7 (#step-number-7)") == true, "\(printed)")
        #expect(printed.contains("and 3 more"))
        #expect(printed.split(separator: "\n").allSatisfy { $0.count < 200 }, "\(printed)")
    }
}
