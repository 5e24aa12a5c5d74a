import Foundation
import HearthCore
import Testing

/// One mistake in one file, and where the build must say it is.
struct FrontMatterCase: Sendable, CustomTestStringConvertible {
    var name: String
    var path = "content/emotional/case.md"
    var text: String
    var location: String
    var code: DiagnosticCode
    var severity: Severity = .error
    /// The fix the report must suggest, made from the mistake itself, when the case says.
    var hint: String? = nil
    /// Whether the report must say what to do, in whatever words.
    var hinted = false
    var testDescription: String { name }
}

@Suite("front matter")
struct FrontMatterTests {
    static let cases: [FrontMatterCase] = [
        .init(
            name: "bad date", text: "---\ntitle: T\ndate: 2025-13-45\n---\n", location: "content/emotional/case.md:3:7",
            code: .invalidDate),
        // Found by the fuzzer: YAML breaks lines at NEL, U+2028 and U+2029, an editor does not.
        .init(
            name: "a YAML error after a NEL and a line separator",
            text: "---\ntitle: A\u{85}B\u{2028}C\ndate: 2025-13-45\n---\n", location: "content/emotional/case.md:2:10",
            code: .lineNotKeyValue),
        .init(
            name: "a list never closed, with a NEL in it",
            text: "---\ntitle: x\u{85}tags: [a\u{85}b\n---\n", location: "content/emotional/case.md:2:16",
            code: .listNotClosed),
        .init(
            name: "bad date on the line of a NEL",
            text: "---\ntitle: T\nsummary: \"a\u{85}b\"\ndate: 2025-13-45\n---\n",
            location: "content/emotional/case.md:4:7", code: .invalidDate),
        .init(
            name: "not a leap year", text: "---\ntitle: T\nupdated: 2023-02-29\n---\n",
            location: "content/emotional/case.md:3:10", code: .invalidDate),
        .init(
            name: "date with a time", text: "---\ntitle: T\ndate: 2024-01-02T10:00:00Z\n---\n",
            location: "content/emotional/case.md:3:7", code: .invalidDate,
            hint: "a page keeps the day only: write date: 2024-01-02"),
        .init(
            name: "TOML front matter", text: "+++\ntitle = \"T\"\n+++\nBody\n",
            location: "content/emotional/case.md:1:1", code: .tomlFrontMatter,
            hinted: true),
        .init(
            name: "missing title", text: "---\ndate: 2024-01-02\n---\nBody\n",
            location: "content/emotional/case.md:1:1",
            code: .titleMissing),
        .init(
            name: "empty title", text: "---\ntitle: \"  \"\n---\nBody\n", location: "content/emotional/case.md:2:8",
            code: .titleEmpty),
        .init(
            name: "title as a list", text: "---\ntitle: [a, b]\n---\n", location: "content/emotional/case.md:2:8",
            code: .valueNotText),
        .init(
            name: "unknown type", text: "---\ntitle: T\ntypes: [emotional, spritual]\n---\n",
            location: "content/emotional/case.md:3:20", code: .unknownType),
        .init(
            name: "exercises as a type", text: "---\ntitle: T\ntypes: [exercises]\n---\n",
            location: "content/emotional/case.md:3:9", code: .unknownType,
            hint:
                "exercises is the section of exercise cards, not a topic: a card goes in content/exercises/, and its types are topics (emotional, physical)"
        ),
        .init(
            name: "types not a list", text: "---\ntitle: T\ntypes: physical\n---\n",
            location: "content/emotional/case.md:3:8", code: .valueNotList),
        .init(
            name: "draft not a bool", text: "---\ntitle: T\ndraft: maybe\n---\n",
            location: "content/emotional/case.md:3:8", code: .valueNotBoolean),
        .init(
            name: "weight not a number", text: "---\ntitle: T\nweight: heavy\n---\n",
            location: "content/emotional/case.md:3:9", code: .valueNotWholeNumber),
        .init(
            name: "weight in quotes", text: "---\ntitle: T\nweight: \"3\"\n---\n",
            location: "content/emotional/case.md:3:9",
            code: .numberInQuotes),
        .init(
            name: "unknown key", text: "---\ntittle: T\ntitle: T\n---\n", location: "content/emotional/case.md:2:1",
            code: .unknownFrontMatterKey, severity: .warning),
        .init(
            name: "updated before date", text: "---\ntitle: T\ndate: 2025-05-01\nupdated: 2024-05-02\n---\n",
            location: "content/emotional/case.md:4:10",
            code: .updatedBeforeDate, severity: .warning),
        .init(
            name: "unclosed front matter", text: "---\ntitle: T\n\nBody text\n",
            location: "content/emotional/case.md:1:1",
            code: .frontMatterNotClosed),
        .init(
            name: "no front matter", text: "# Just a heading\n", location: "content/emotional/case.md:1:1",
            code: .frontMatterMissing),
        .init(name: "empty file", text: "", location: "content/emotional/case.md:1:1", code: .fileEmpty),
        .init(
            name: "a section marked as a draft", path: "content/physical/_index.md",
            text: "---\ntitle: Physical\ndraft: true\n---\n", location: "content/physical/_index.md:3:8",
            code: .draftIgnored, severity: .warning),
        .init(
            name: "a slug on the home page", path: "content/index.md", text: "---\ntitle: Home\nslug: start\n---\n",
            location: "content/index.md:3:7", code: .slugIgnored, severity: .warning),
        // libyaml's syntax errors, in words for editors, where to mend them.
        .init(
            name: "a list never closed", text: "---\ntitle: T\ntags: [a, b\n---\n",
            location: "content/emotional/case.md:3:7", code: .listNotClosed),
        .init(
            name: "a colon in an unquoted value", text: "---\ntitle: Touch: a guide\n---\n",
            location: "content/emotional/case.md:2:13", code: .colonInValue,
            hint: "write it as title: \"Touch: a guide\""),
        .init(
            name: "an apostrophe inside single quotes", text: "---\ntitle: 'It's here'\n---\n",
            location: "content/emotional/case.md:2:12", code: .quoteEndsEarly,
            hint: "inside '...' write two single quotes ('') for one, or quote it with \" instead"),
        .init(
            name: "a quote never closed", text: "---\ntitle: T\nsummary: \"Open\n---\n",
            location: "content/emotional/case.md:3:10", code: .quoteNotClosed),
        .init(
            name: "a backslash in double quotes", text: "---\ntitle: \"Notes from C:\\Users\"\n---\n",
            location: "content/emotional/case.md:2:22", code: .unknownEscape,
            hint: "write it in single quotes, where a backslash is itself: title: 'Notes from C:\\Users'"),
        .init(
            name: "a backslash starting no escape", text: "---\ntitle: T\nsummary: \"a \\q b\"\n---\n",
            location: "content/emotional/case.md:3:13", code: .unknownEscape),
        .init(
            name: "emphasis starting a value", text: "---\ntitle: T\nsummary: *Really* listen.\n---\n",
            location: "content/emotional/case.md:3:10", code: .undefinedAlias,
            hint: "write it as summary: \"*Really* listen.\""),
        .init(
            name: "an indented key", text: "---\ntitle: T\n  summary: x\n---\n",
            location: "content/emotional/case.md:3:3", code: .lineIndented,
            hint: "start 'summary:' at the first column, as the other keys"),
        .init(
            name: "a tab for indenting", text: "---\ntitle: T\n\tsummary: x\n---\n",
            location: "content/emotional/case.md:3:1", code: .tabIndent),
        .init(
            name: "list items indented with tabs", text: "---\ntitle: T\ntags:\n\t- trust\n\t- touch\n---\n",
            location: "content/emotional/case.md:4:1", code: .tabIndent,
            hinted: true),
        .init(
            name: "a list item indented with a tab after one with spaces",
            text: "---\ntitle: T\ntags:\n  - trust\n\t- touch\n---\n",
            location: "content/emotional/case.md:5:1", code: .tabIndent,
            hinted: true),
        .init(
            name: "a line with no key", text: "---\ntitle: T\nJust some text\n---\n",
            location: "content/emotional/case.md:3:1", code: .lineNotKeyValue),
        .init(
            name: "a value starting with @", text: "---\ntitle: T\nsummary: @home\n---\n",
            location: "content/emotional/case.md:3:10", code: .valueNeedsQuotes),
        .init(
            name: "duplicate key", text: "---\ntitle: T\nsummary: S\ntitle: U\n---\n",
            location: "content/emotional/case.md:4:1",
            code: .duplicateKey),
        .init(
            name: "duplicate key, CRLF", text: "---\r\ntitle: T\r\n\r\ntitle : U\r\n---\r\n",
            location: "content/emotional/case.md:4:1",
            code: .duplicateKey),
        .init(
            name: "exercise without duration", path: "content/exercises/case.md",
            text: "---\ntitle: T\ndifficulty: gentle\ntypes: [emotional]\n---\n",
            location: "content/exercises/case.md:1:1",
            code: .cardFieldMissing),
        .init(
            name: "exercise without difficulty", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: 5\ntypes: [emotional]\n---\n", location: "content/exercises/case.md:1:1",
            code: .cardFieldMissing),
        .init(
            name: "exercise without types", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: 5\ndifficulty: deep\n---\n", location: "content/exercises/case.md:1:1",
            code: .cardFieldMissing),
        .init(
            name: "exercise with a bad difficulty", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: 5\ndifficulty: hard\ntypes: [emotional]\n---\n",
            location: "content/exercises/case.md:4:13",
            code: .valueNotAChoice),
        .init(
            name: "exercise with duration in words", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: ten minutes\ndifficulty: deep\ntypes: [emotional]\n---\n",
            location: "content/exercises/case.md:3:11", code: .valueNotWholeNumber),
        .init(
            name: "exercise with an unknown who", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: 5\ndifficulty: deep\nwho: couples\ntypes: [emotional]\n---\n",
            location: "content/exercises/case.md:5:6", code: .valueNotAChoice),
        // Files saved on Windows end their lines with CR LF, which Swift takes as one character.
        .init(
            name: "bad date, CR LF line endings", text: "---\r\ntitle: T\r\ndate: 2025-13-45\r\n---\r\nBody\r\n",
            location: "content/emotional/case.md:3:7", code: .invalidDate),
        .init(
            name: "unknown key, lone CR line endings", text: "---\rtitle: T\rtittle: U\r---\rBody\r",
            location: "content/emotional/case.md:3:1", code: .unknownFrontMatterKey,
            severity: .warning),
        .init(
            name: "unclosed front matter, CR LF line endings", text: "---\r\ntitle: T\r\n\r\nBody\r\n",
            location: "content/emotional/case.md:1:1", code: .frontMatterNotClosed),
        .init(
            name: "a tag with no letter or digit", text: "---\ntitle: T\ntags: [ok, \"!!!\"]\n---\n",
            location: "content/emotional/case.md:3:12", code: .tagMakesNoURL),
        .init(
            name: "an empty tag", text: "---\ntitle: T\ntags: [ok, \" \"]\n---\n",
            location: "content/emotional/case.md:3:12", code: .emptyListEntry,
            severity: .warning, hinted: true),
        .init(
            name: "an empty alias", text: "---\ntitle: T\naliases: [~]\n---\n",
            location: "content/emotional/case.md:3:11",
            code: .emptyListEntry, severity: .warning),
        .init(
            name: "an empty related entry", text: "---\ntitle: T\nrelated:\n  - \"\"\n---\n",
            location: "content/emotional/case.md:4:5", code: .emptyListEntry,
            severity: .warning),
        .init(
            name: "a material that is a '-' alone", path: "content/exercises/case.md",
            text:
                "---\ntitle: T\nduration: 5\ndifficulty: deep\ntypes: [emotional]\nmaterials:\n  - candle\n  -\n---\n",
            location: "content/exercises/case.md:8:4", code: .emptyListEntry,
            severity: .warning),
        .init(
            name: "a card whose only type is empty", path: "content/exercises/case.md",
            text: "---\ntitle: T\nduration: 5\ndifficulty: deep\ntypes: [\"\"]\n---\n",
            location: "content/exercises/case.md:5:8", code: .cardFieldMissing),
        // It would be written over its section's page.
        .init(
            name: "a file name with no letter or digit", path: "content/emotional/\u{2764}\u{FE0F}.md",
            text: "---\ntitle: Love\n---\n", location: "content/emotional/\u{2764}\u{FE0F}.md",
            code: .fileNameMakesNoURL),
        .init(
            name: "a page outside any section", path: "content/about.md", text: "---\ntitle: About\n---\n",
            location: "content/about.md", code: .pageOutsideSection),
        // Named first, it would have taken the URL from the page its file name gives it to.
        .init(
            name: "a slug that is another page's URL", path: "content/emotional/a-copy.md",
            text: "---\ntitle: Copy\nslug: listening\n---\n", location: "content/emotional/a-copy.md:3:7",
            code: .pageURLTaken),
        .init(
            name: "a slug with characters a URL path cannot hold", path: "content/emotional/q.md",
            text: "---\ntitle: Q\nslug: \"what is it?\"\n---\n", location: "content/emotional/q.md:3:7",
            code: .slugUnsafeCharacter,
            hint: "e.g. slug: what-is-it"),
        .init(
            name: "an empty slug", path: "content/emotional/q.md", text: "---\ntitle: Q\nslug: \"\"\n---\n",
            location: "content/emotional/q.md:3:7", code: .slugNotOneSegment,
            hint: "remove the line: without it, the file name gives the URL"),
        .init(
            name: "a slug too long for a folder name", path: "content/emotional/q.md",
            text: "---\ntitle: Q\nslug: \(String(repeating: "a", count: 300))\n---\n",
            location: "content/emotional/q.md:3:7",
            code: .slugTooLong),
        .init(
            name: "a tag too long for a folder name",
            text: "---\ntitle: Q\ntags: [ok, \(String(repeating: "близость ", count: 20))]\n---\n",
            location: "content/emotional/case.md:3:12", code: .tagTooLong),
        .init(
            name: "a slug with a fragment mark", path: "content/emotional/q.md",
            text: "---\ntitle: Q\nslug: a#b\n---\n", location: "content/emotional/q.md:3:7",
            code: .slugUnsafeCharacter),
        .init(
            name: "a slug with a percent sign", path: "content/emotional/q.md",
            text: "---\ntitle: Q\nslug: 100%\n---\n", location: "content/emotional/q.md:3:7",
            code: .slugUnsafeCharacter),
        .init(
            name: "a page named .MD", path: "content/emotional/touch.MD", text: "---\ntitle: Touch\n---\n",
            location: "content/emotional/touch.MD", code: .markdownNotNamedMD,
            severity: .warning, hint: "rename it to touch.md"),
        .init(
            name: "a title that starts with '#'", text: "---\ntitle: #1 tip\n---\n",
            location: "content/emotional/case.md:2:7",
            code: .titleEmpty,
            hint: "'#' after a blank starts a YAML comment: write the title in quotes, title: \"#1 tip\""),
        .init(
            name: "a title that ends in '#1'", text: "---\ntitle: Ten tips #1\n---\n",
            location: "content/emotional/case.md:2:17",
            code: .valueCutByComment,
            severity: .warning, hint: "write the title in quotes to keep it: title: \"Ten tips #1\""),
        .init(
            name: "a summary that ends in '#hashtag'", text: "---\ntitle: T\nsummary: Slow down. #mindful\n---\n",
            location: "content/emotional/case.md:3:21", code: .valueCutByComment, severity: .warning),
        .init(
            name: "an invisible control character", text: "---\ntitle: T\n---\nA line\u{0B}break, and \u{7F}\n",
            location: "content/emotional/case.md:4:7",
            code: .invisibleControlCharacter, severity: .warning),
        .init(
            name: "a page named .MD beside one named .md", path: "content/emotional/listening.MD",
            text: "---\ntitle: Listening again\n---\n", location: "content/emotional/listening.MD",
            code: .markdownNotNamedMD, severity: .warning,
            hint: "listening.md is a page already: give this one another name ending in .md, or delete it"),
        .init(
            name: "a page named .markdown", path: "content/emotional/touch.markdown", text: "---\ntitle: Touch\n---\n",
            location: "content/emotional/touch.markdown", code: .markdownNotNamedMD,
            severity: .warning, hint: "rename it to touch.md"),
        .init(
            name: "a section named as a file the build makes", path: "content/feed.xml/_index.md",
            text: "---\ntitle: Feed\n---\n", location: "content/feed.xml/_index.md",
            code: .reservedSectionName),
        .init(
            name: "a section folder whose name a URL cannot hold", path: "content/Slow Love/_index.md",
            text: "---\ntitle: Slow love\n---\n", location: "content/Slow Love/_index.md",
            code: .sectionNameNotURL,
            hint: "rename the folder to slow-love"),
    ]

    @Test(
        "a date is YYYY-MM-DD of a real day, leap years included",
        arguments: [
            ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("2025-12-31", "2025-12-31"),
            ("0001-01-01", "0001-01-01"), ("1900-02-29", nil), ("2023-02-29", nil), ("2024-04-31", nil),
            ("2024-13-01", nil), ("2024-00-10", nil), ("2024-01-00", nil), ("2024-1-01", nil), ("2024/01/01", nil),
            ("2024-01-1a", nil), ("+024-01-01", nil), ("2024-01-01 ", nil), ("", nil), ("２０２４-01-01", nil),
            ("2024-0101-", nil),
        ] as [(String, String?)])
    func dates(text: String, parsed: String?) {
        #expect(SimpleDate(text)?.description == parsed)
    }

    @Test("each mistake is reported at its file:line:col and nothing is written", arguments: cases)
    func mistake(_ c: FrontMatterCase) async throws {
        let root = try Fixture.site(changing: [c.path: c.text])
        let checked = await build(root, write: false)
        let found = checked.diagnostics.items.first {
            $0.severity == c.severity && $0.location == c.location && $0.code == c.code
        }
        #expect(found != nil, "\(c.name): \(checked.messages)")
        // A raw tab in a message would print as a jump in the terminal.
        #expect(!checked.diagnostics.items.contains { $0.message.contains("\t") }, "\(c.name)")
        if let hint = c.hint {
            #expect(found?.hints.contains(hint) == true, "\(c.name): \(found?.hints ?? [])")
        }
        if c.hinted {
            #expect(found?.hints.isEmpty == false, "\(c.name)")
        }
        // With an earlier good build in public/, the broken one leaves it as it was.
        let good = try Fixture.site("basic")
        #expect(await build(good).succeeded)
        let before = snapshot(good.appendingPathComponent("public"))
        try Fixture.write(Data(c.text.utf8), to: c.path, in: good)
        let report = await build(good)
        if c.severity == .error {
            #expect(!report.succeeded)
            #expect(snapshot(good.appendingPathComponent("public")) == before)
        }
    }

    @Test("a guide saved with CR LF or lone CR line endings builds to the same site as with LF")
    func windowsLineEndings() async throws {
        let lf = try Fixture.copy(as: "lf")
        #expect(await build(lf).succeeded)
        for (name, ending) in [("crlf", "\r\n"), ("cr", "\r")] {
            let other = try Fixture.copy(as: name)
            let content = other.appendingPathComponent("content")
            let files = try #require(FileManager.default.subpaths(atPath: content.path))
            for file in files where file.hasSuffix(".md") || file.hasSuffix(".yml") {
                let url = content.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.replacingOccurrences(of: "\n", with: ending).write(to: url, atomically: true, encoding: .utf8)
            }
            let report = await build(other)
            #expect(report.succeeded, "\(name): \(report.messages)")
            #expect(
                snapshot(other.appendingPathComponent("public")) == snapshot(lf.appendingPathComponent("public")),
                "\(name)")
        }
        // The printed snippet is the line itself, not the rest of the file.
        let root = try Fixture.site(changing: ["content/emotional/case.md": "---\r\ntitle: T\r\ntittle: U\r\n---\r\n"])
        let report = await build(root, write: false)
        let printed = DiagnosticPrinter(root: root, color: false).render(report.diagnostics)
        #expect(printed.contains(" 3 | tittle: U\n   | ^\n"), "\(printed)")
        #expect(!printed.contains("\r"))
    }

    @Test("a comment meant as one (`# note`, after a value or in quotes) is no warning")
    func commentsMeantAsSuch() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/case.md":
                "---\ntitle: Ten tips  # a note\nsummary: \"Ten #1\"  #todo\ntags: [a]  #b\n---\n"
        ])
        let report = await build(root, write: false)
        #expect(report.diagnostics.items.isEmpty, "\(report.messages)")
    }

    @Test("a title that is not text is one error, not also an empty title")
    func titleNotText() async throws {
        let root = try Fixture.site(changing: ["content/emotional/case.md": "---\ntitle: [a, b]\n---\n"])
        let report = await build(root, write: false)
        #expect(
            report.lines.filter { $0.hasPrefix("content/emotional/case.md") } == [
                "content/emotional/case.md:2:8: error H140"
            ], "\(report.messages)")
    }

    @Test("unknown keys name the closest known key")
    func closestKey() async throws {
        let root = try Fixture.site(changing: ["content/emotional/case.md": "---\ntitle: T\nsumary: S\ntag: [x]\n---\n"]
        )
        let report = await build(root, write: false)
        #expect(report.has(.warning, "content/emotional/case.md:3:1", .unknownFrontMatterKey), "\(report.messages)")
        #expect(report.has(.warning, "content/emotional/case.md:4:1", .unknownFrontMatterKey), "\(report.messages)")
        let hints = report.diagnostics.items.flatMap(\.hints)
        #expect(hints.contains("did you mean 'summary'?"))
        #expect(hints.contains("did you mean 'tags'?"))

        // Keys of Hugo, Zola and Jekyll name the key that means the same here.
        let other = try Fixture.site(changing: [
            "content/emotional/case.md":
                "---\ntitle: T\ndescription: D\nlastmod: 2024-01-02\ncategories: [a]\n---\n"
        ])
        let moved = await build(other, write: false)
        #expect(moved.succeeded, "\(moved.messages)")
        for (place, key) in [("3:1", "summary"), ("4:1", "updated"), ("5:1", "tags")] {
            let warning = moved.diagnostics.items.first { $0.location == "content/emotional/case.md:" + place }
            #expect(warning?.code == .unknownFrontMatterKey, "\(place): \(moved.messages)")
            #expect(warning?.hints.first?.hasPrefix("did you mean '\(key)'? ") == true, "\(place): \(moved.messages)")
        }
    }

    @Test("a file that is not UTF-8 is reported with its line")
    func invalidUTF8() async throws {
        let root = try Fixture.site("basic")
        var bytes = Data("---\ntitle: T\n---\n\nFine line.\nBad: ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data(" here\n".utf8))
        try Fixture.write(bytes, to: "content/emotional/latin1.md", in: root)
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/emotional/latin1.md:6:6", .fileNotUTF8), "\(report.messages)")
        // The same line with CR LF or lone CR line endings.
        for ending in ["\r\n", "\r"] {
            var text = Data("---\ntitle: T\n---\n\nFine line.\nBad: ".replacingOccurrences(of: "\n", with: ending).utf8)
            text.append(contentsOf: [0xC3, 0x28])
            try Fixture.write(text, to: "content/emotional/latin1.md", in: root)
            let other = await build(root, write: false)
            #expect(other.has(.error, "content/emotional/latin1.md:6:6", .fileNotUTF8), "\(other.messages)")
        }
    }

    @Test("binary junk, an alias bomb and a 10 MB paragraph end in a message or a build, never a crash")
    func hostileInput() async throws {
        let root = try Fixture.site("basic")
        var junk = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00])
        junk.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        try Fixture.write(junk, to: "content/emotional/junk.md", in: root)
        var bomb = "---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(
            ["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "tags: *i\n---\nBody\n"
        try Fixture.write(Data(bomb.utf8), to: "content/emotional/bomb.md", in: root)
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/emotional/junk.md:1:8", .fileNotText), "\(report.messages)")
        // The same bytes as a template: the hint names the theme's folder, not content/.
        let themed = try Fixture.site("basic")
        try Fixture.write(junk, to: "templates/partials/junk.mustache", in: themed)
        let themeReport = await build(themed, write: false)
        let themeProblem = themeReport.diagnostics.items.first { $0.code == .fileNotText }
        #expect(themeProblem?.file == "templates/partials/junk.mustache", "\(themeReport.messages)")
        #expect(themeProblem?.hints.first?.contains("templates/assets/") == true)
        #expect(report.has(.error, "content/emotional/bomb.md:6:14", .tooManyAliases), "\(report.messages)")
        // Aliases that multiply are an error even under a key the build does not read.
        let quiet = try Fixture.site("basic")
        try Fixture.write(
            Data(bomb.replacingOccurrences(of: "tags: *i\n", with: "").utf8), to: "content/emotional/bomb.md", in: quiet
        )
        #expect(await build(quiet, write: false).has(.error, "content/emotional/bomb.md:6:14", .tooManyAliases))
        // Found by the fuzzer: aliases of aliases as mapping keys, which Yams hashes through all they
        // expand to (two minutes for such a file before the limit).
        let keys = try Fixture.site("basic")
        var slow = "---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g"]) {
            slow += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        slow += "j: [*h: x, *g: y]\n---\nBody\n"
        try Fixture.write(Data(slow.utf8), to: "content/emotional/slow.md", in: keys)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(await build(keys, write: false).has(.error, "content/emotional/slow.md:6:16", .tooManyAliases))
        // Well under the two minutes it took; loose enough for a machine busy with other builds.
        #expect(clock.now - started < .seconds(20))
        // A few aliases are fine.
        let few = try Fixture.site("basic")
        try Fixture.write(
            Data("---\ntitle: &t Few\naliases: [*t]\ntags: &g [a, b]\n---\nBody\n".utf8),
            to: "content/emotional/few.md", in: few)
        #expect(await build(few, write: false).succeeded)

        let big = try Fixture.site("basic")
        let chunk = String(repeating: "word and *more* ", count: 300) + "see [[Listening First]] "
        let paragraph = String(repeating: chunk, count: 2_200)
        try Fixture.write(Data("---\ntitle: Big\n---\n\(paragraph)\n".utf8), to: "content/emotional/big.md", in: big)
        let bigReport = await build(big)
        #expect(bigReport.succeeded, "\(bigReport.messages)")
    }

    @Test("a type listed in site.yml without its section folder is an error in site.yml")
    func typeWithoutSection() async throws {
        let root = try Fixture.site(changing: [
            "content/site.yml":
                "title: Closer\nbaseURL: https://example.org/\ntypes:\n  - emotional\n  - physical\n  - spiritual\n"
        ])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/site.yml:6:5", .typeWithoutSection), "\(report.messages)")
    }

    @Test("without types in site.yml, every section but the exercises is a topic, by name")
    func defaultTypes() async throws {
        let listed = try Fixture.site("basic")
        #expect(await build(listed).succeeded)
        let root = try Fixture.site(changing: [
            "content/site.yml": "title: Closer\nbaseURL: https://example.org/\ndescription: A small guide for tests.\n"
        ])
        let report = await build(root)
        #expect(report.succeeded && report.diagnostics.items.isEmpty, "\(report.messages)")
        // The fixture lists its two sections in the order of their names: the same site.
        #expect(snapshot(root.appendingPathComponent("public")) == snapshot(listed.appendingPathComponent("public")))
    }

    @Test("a type named on a site with no topic section yet says how to make one")
    func noTopicSections() async throws {
        let root = try Fixture.site(changing: [
            "content/site.yml": "title: T\nbaseURL: https://example.org/\n",
            "content/emotional/_index.md": nil, "content/emotional/listening.md": nil,
            "content/physical/_index.md": nil,
            "content/physical/hugs.md": nil, "content/physical/touch.md": nil, "content/physical/secret.md": nil,
        ])
        let report = await build(root, write: false)
        let unknown = report.diagnostics.items.first {
            $0.code == .unknownType && $0.location == "content/exercises/soul-gazing/index.md:8:9"
        }
        #expect(
            unknown?.hints == ["the site has no topic section yet: create content/emotional/_index.md"],
            "\(report.messages)")
    }

    @Test("a type naming a section that site.yml's types leave out says to list it there")
    func unlistedSection() async throws {
        let root = try Fixture.site(changing: [
            "content/site.yml": "title: T\nbaseURL: https://example.org/\ntypes: [physical]\n"
        ])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/physical/touch.md:4:19", .unknownType), "\(report.messages)")
        let unknown = report.diagnostics.items.first {
            $0.code == .unknownType && $0.location == "content/physical/touch.md:4:19"
        }
        #expect(
            unknown?.hints == [
                "content/emotional/ is a section but not a topic: add 'emotional' to types in content/site.yml"
            ], "\(report.messages)")
    }

    @Test("a language that is no language tag, and a baseURL missing its last /, say what to write")
    func siteConfigHints() async throws {
        let root = try Fixture.site(changing: [
            "content/site.yml": "title: T\nbaseURL: https://example.org/guide\nlanguage: en_US\n"
        ])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/site.yml:2:10", .baseURLWithoutSlash), "\(report.messages)")
        #expect(report.diagnostics.items.flatMap(\.hints).contains("e.g. baseURL: https://example.org/guide/"))
        #expect(report.has(.warning, "content/site.yml:3:11", .languageNotTag), "\(report.messages)")
    }

    @Test("a slug of letters of any script, digits and - _ . ~ is the page's URL as written")
    func slugs() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/a.md": "---\ntitle: A\nslug: Touché_2.0~близость\n---\n",
            "content/emotional/b.md": "---\ntitle: B\n---\n[[A]]\n",
        ])
        let report = await build(root)
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
        #expect(output(root, "emotional/Touché_2.0~близость/index.html") != nil)
        let linking = try #require(output(root, "emotional/b/index.html"))
        #expect(linking.contains("/emotional/Touch%C3%A9_2.0~%D0%B1%D0%BB%D0%B8%D0%B7%D0%BE%D1%81%D1%82%D1%8C/"))
    }

    @Test("site.yml needs a title and an absolute baseURL ending with /")
    func siteConfig() async throws {
        let root = try Fixture.site(changing: [
            "content/site.yml": "baseURL: example.org\ntypes: [emotional, physical]\n"
        ])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/site.yml:1:10", .baseURLNotAbsolute), "\(report.messages)")
        #expect(report.has(.error, "content/site.yml:1:1", .siteKeyMissing), "\(report.messages)")

        // An empty title is an error at its value; one that is not text is that error alone.
        for (title, code) in [("\"  \"", DiagnosticCode.siteTitleEmpty), ("[a, b]", .valueNotText)] {
            let site = try Fixture.site(changing: [
                "content/site.yml": "baseURL: https://example.org/\ntitle: \(title)\n"
            ])
            let titled = await build(site, write: false)
            #expect(titled.lines.count { $0.contains("error") } == 1, "\(titled.messages)")
            #expect(titled.has(.error, "content/site.yml:2:8", code), "\(titled.messages)")
        }

        // A type whose folder is refused for its name is reported once, at the folder.
        let spaced = try Fixture.site(changing: [
            "content/site.yml": "title: T\nbaseURL: https://example.org/\ntypes: [emotional, physical, Slow Love]\n",
            "content/Slow Love/_index.md": "---\ntitle: Slow love\n---\n",
        ])
        let spacedReport = await build(spaced, write: false)
        #expect(spacedReport.lines.count { $0.contains("error") } == 1, "\(spacedReport.messages)")
        #expect(spacedReport.has(.error, "content/Slow Love/_index.md", .sectionNameNotURL), "\(spacedReport.messages)")

        // Found by the fuzzer: an error at the end of a text with a NEL and no last line break is
        // just past its last line, as for any other text.
        let nel = try Fixture.site(changing: ["content/site.yml": "-\u{85}b"])
        let nelReport = await build(nel, write: false)
        #expect(nelReport.has(.error, "content/site.yml:1:3", .lineNotKeyValue), "\(nelReport.messages)")
    }
}
