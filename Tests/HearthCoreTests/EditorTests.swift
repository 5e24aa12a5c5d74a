import Foundation
import Testing

@testable import HearthCore

@Suite("editors' workflow")
struct EditorTests {
    @Test("diagnostics print like a compiler, with the caret under the column through tabs and non-ASCII")
    func caret() {
        let printer = DiagnosticPrinter(root: URL(fileURLWithPath: "/nonexistent"), color: false)
        let lines: [Substring] = ["---", "title: \tZärtlichkeit — [[Nowhere]] ok"]
        let diagnostic = Diagnostic(
            .error, .noPageMatches, file: "content/emotional/z.md", line: 2, column: 24, "no page matches [[Nowhere]]",
            hints: ["did you mean 'Somewhere'?"])
        let text = printer.render(diagnostic, sourceLines: lines)
        #expect(
            text == """
                content/emotional/z.md:2:24: error: no page matches [[Nowhere]] [H203]
                 2 | title: \tZärtlichkeit — [[Nowhere]] ok
                   |        \t               ^
                hint: did you mean 'Somewhere'?

                """)
        // The caret sits under the 24th character of the line.
        let caretLine = text.split(separator: "\n")[2].dropFirst(5)
        let sourceLine = text.split(separator: "\n")[1].dropFirst(5)
        #expect(Array(sourceLine)[caretLine.count - 1] == "[")
    }

    @Test(
        "a long line is shown as a window around the column; one file's same problem is shown ten times, then counted")
    func longLinesAndRepeats() throws {
        let printer = DiagnosticPrinter(root: URL(fileURLWithPath: "/nonexistent"), color: false)
        let line = String(repeating: "ab", count: 5_000) + "[[X]]" + String(repeating: "cd", count: 5_000)
        let diagnostic = Diagnostic(
            .error, .noPageMatches, file: "content/a.md", line: 1, column: 10_001, "no page matches [[X]]")
        let lines = printer.render(diagnostic, sourceLines: [Substring(line)]).split(separator: "\n")
        #expect(lines[1].hasPrefix(" 1 | …") && lines[1].hasSuffix("…"), "\(lines[1])")
        #expect(lines[1].count < 140)
        // The caret is still under the link's first bracket.
        #expect(Array(lines[1])[lines[2].count - 1] == "[", "\(lines)")
        // At the start of a long line, no leading mark; a short line is whole.
        let atStart = printer.render(
            Diagnostic(.error, .noPageMatches, file: "content/a.md", line: 1, column: 1, "x"),
            sourceLines: [Substring(line)])
        #expect(atStart.contains(" 1 | abab") && atStart.contains("…\n   | ^\n"))

        // 50,000 times the same warning, and two others: 10 + 1 count line + 2.
        let root = Fixture.newFolder("repeats")
        try Fixture.write(Data(("---\ntitle: T\n---\n" + line + "\n").utf8), to: "content/a.md", in: root)
        var list = DiagnosticList()
        for column in 1...50_000 {
            list.append(
                Diagnostic(
                    .warning, .strayWikilinkOpening, file: "content/a.md", line: 4, column: column,
                    "this '[[' starts no link"))
        }
        list.append(Diagnostic(.error, .noPageMatches, file: "content/a.md", line: 4, column: 3, "another problem"))
        list.append(
            Diagnostic(
                .warning, .strayWikilinkOpening, file: "content/b.md", line: nil, column: nil,
                "this '[[' starts no link"))
        let text = DiagnosticPrinter(root: root, color: false).render(list)
        #expect(
            text.components(separatedBy: "warning: this '[[' starts no link [H202]\n").count - 1 == 11,
            "\(text.prefix(600))")
        #expect(
            text.contains(
                "content/a.md: warning: this '[[' starts no link (49,990 more times in this file, not shown)\n"))
        #expect(text.contains("content/a.md:4:3: error: another problem [H203]\n"))
        #expect(text.utf8.count < 10_000)

        // --quiet prints the errors only, warnings too when not quiet.
        let quiet = list.errorsOnly
        #expect(quiet.items.map(\.location) == ["content/a.md:4:3"])
        #expect(list.items.count == 50_002)
    }

    @Test("colour only when asked, and a JSON line per diagnostic")
    func formats() throws {
        let diagnostic = Diagnostic(
            .warning, .unknownFrontMatterKey, file: "content/a.md", line: 3, column: 1, "unknown front matter key 'x'")
        let plain = DiagnosticPrinter(root: URL(fileURLWithPath: "/"), color: false).render(diagnostic, sourceLines: [])
        #expect(!plain.contains("\u{1B}["))
        let coloured = DiagnosticPrinter(root: URL(fileURLWithPath: "/"), color: true).render(
            diagnostic, sourceLines: [])
        #expect(coloured.contains("\u{1B}[1;33mwarning:"))
        let json = DiagnosticPrinter.jsonLines(DiagnosticList([diagnostic]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "content/a.md")
        #expect(object["line"] as? Int == 3)
        #expect(object["severity"] as? String == "warning")
        #expect(object["code"] as? String == "H152")
        #expect(DiagnosticPrinter.counts(DiagnosticList([diagnostic, diagnostic])) == "2 warnings")
    }

    @Test("hearth new makes a draft that builds: left out of the site, shown with --drafts; it never overwrites")
    func scaffold() async throws {
        let root = try Fixture.site("basic")
        let before = await build(root)
        #expect(before.succeeded, "\(before.diagnostics.items)")
        let card = try Scaffold.create(.exercise, section: nil, title: "Zärtlichkeit üben", root: root)
        #expect(card.path == "content/exercises/zartlichkeit-uben.md")
        #expect(card.url == "/exercises/zartlichkeit-uben/")
        let text = try String(contentsOf: root.appendingPathComponent(card.path), encoding: .utf8)
        #expect(text.contains("title: \"Zärtlichkeit üben\"\ndate: "))
        #expect(text.contains("draft: true"))
        #expect(text.contains("## Steps") && text.contains("## Reflect"))
        // Each card field holds a value that builds, with its choices beside it.
        #expect(text.contains("\ndifficulty: gentle  # gentle, moderate or deep\n"))
        #expect(text.contains("\nwho: couple  # couple, solo or group\n"))
        #expect(text.contains("\ntypes: [emotional]  # one or more of: emotional, physical\n"))

        // The half-written draft does not stop the site from building, and is not in it.
        let published = await build(root)
        #expect(published.succeeded, "\(published.diagnostics.items)")
        #expect(published.diagnostics.items.isEmpty, "\(published.diagnostics.items)")
        #expect(output(root, "exercises/zartlichkeit-uben/index.html") == nil)
        let preview = await build(root, drafts: true)
        #expect(preview.succeeded, "\(preview.diagnostics.items)")
        #expect(output(root, "exercises/zartlichkeit-uben/index.html")?.contains("Zärtlichkeit üben") == true)

        let filled = text.replacingOccurrences(of: "duration: 10", with: "duration: 15")
        try Data(filled.utf8).write(to: root.appendingPathComponent(card.path))
        #expect(throws: Diagnostic.self) {
            try Scaffold.create(.exercise, section: nil, title: "Zärtlichkeit üben", root: root)
        }
        #expect(try String(contentsOf: root.appendingPathComponent(card.path), encoding: .utf8) == filled)

        let article = try Scaffold.create(.article, section: "emotional", title: "Listening, Again!", root: root)
        #expect(article.path == "content/emotional/listening-again.md")
        #expect(await build(root, drafts: true, write: false).succeeded)
        do {
            _ = try Scaffold.create(.article, section: "emotionl", title: "X", root: root)
            Issue.record("an unknown section was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.code == .newSectionUnknown)
            #expect(diagnostic.hints == ["did you mean 'emotional'? known sections: emotional, exercises, physical"])
        }
    }
}
