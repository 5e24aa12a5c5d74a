import Foundation
import Testing

@testable import HearthCore

/// Rules the guide's own text keeps, checked on its Markdown files: slips a reader would notice.
@Suite("the guide's text")
struct GuideTextTests {
    /// Each exercise card of the guide: its file name, front matter (read by the build's own
    /// parser) and body. A guide without cards is a failure, not a pass.
    static func cards() throws -> [(name: String, meta: PageMeta, body: String)] {
        let folder = Fixture.repository.appendingPathComponent("content/exercises")
        var out: [(String, PageMeta, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name != "_index.md"
        {
            let file =
                name.hasSuffix(".md")
                ? folder.appendingPathComponent(name) : folder.appendingPathComponent("\(name)/index.md")
            let (meta, body) = try Self.read(file, isExercise: true)
            out.append((name, meta, body))
        }
        try #require(out.count >= 40, "the guide has \(out.count) cards")
        return out
    }

    /// A Markdown file's front matter, as the build reads it (any problem fails the test), and body.
    static func read(_ file: URL, isExercise: Bool = false) throws -> (meta: PageMeta, body: String) {
        let text = try String(contentsOf: file, encoding: .utf8)
        let split = try FrontMatter.split(text, file: file.lastPathComponent).get()
        var problems: [Diagnostic] = []
        let meta = FrontMatter.parse(
            split.yaml, file: file.lastPathComponent, isExercise: isExercise,
            knownTypes: ["emotional", "physical", "intellectual", "experiential", "spiritual"], diagnostics: &problems)
        #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.map(\.message))")
        return (meta, String(split.body))
    }

    static let numbers = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
    ]

    @Test("a card's summary that names its length in minutes agrees with its duration")
    func summaryMinutes() throws {
        for card in try Self.cards() {
            let summary = (card.meta.summary ?? "").lowercased()
            let words = summary.split { !$0.isLetter && !$0.isNumber }
            for (i, word) in words.enumerated().dropFirst() where word.hasPrefix("minute") {
                let said = Int(words[i - 1]) ?? Self.numbers[String(words[i - 1])]
                guard let said else { continue }
                #expect(said == card.meta.duration, "\(card.name): '\(summary)'")
            }
        }
    }

    @Test("no page speaks of 'the owner' to readers")
    func noOwner() throws {
        let content = Fixture.repository.appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.lowercased().contains("owner's article"), "\(file)")
        }
    }

    @Test("a section that calls its exercises gentle has only gentle ones")
    func gentleSections() throws {
        let content = Fixture.repository.appendingPathComponent("content")
        let cards = try Self.cards()
        for section in ["emotional", "physical", "intellectual", "experiential", "spiritual"] {
            let text = try String(contentsOf: content.appendingPathComponent("\(section)/_index.md"), encoding: .utf8)
            guard text.contains("exercises in this section are gentle") else { continue }
            for card in cards where card.meta.types.contains(where: { $0.value == section }) {
                #expect(card.meta.difficulty == .gentle, "\(section): \(card.name)")
            }
        }
    }

    @Test("deep and moderate cards say what to do if it gets hard; deep ones point to help and aftercare")
    func careSections() throws {
        for card in try Self.cards() {
            let body = card.body
            switch card.meta.difficulty {
            case .deep:
                #expect(body.contains("\n## If it gets hard\n"), "\(card.name)")
                #expect(body.contains("[[When to get help]]"), "\(card.name)")
                #expect(body.contains("\n## Afterwards\n"), "\(card.name)")
            case .moderate:
                #expect(body.contains("\n## If it gets hard\n"), "\(card.name)")
            default:
                break
            }
        }
    }

    @Test("the help page names both therapist and counsellor, emergencies and abuse helplines, and is linked")
    func helpPage() throws {
        let content = Fixture.repository.appendingPathComponent("content")
        let help = try String(contentsOf: content.appendingPathComponent("help/_index.md"), encoding: .utf8)
        for phrase in ["therapist", "counsellor", "emergency number", "domestic abuse helpline", "register", "GP"] {
            #expect(help.contains(phrase), "\(phrase)")
        }
        let tips = try String(
            contentsOf: content.appendingPathComponent("emotional/relationship-tips.md"), encoding: .utf8)
        #expect(tips.contains("[[When to get help]]"))
    }

    /// The exercise cards a path's text links, in order of first link (titles, or `title|label`).
    static func pathCards(_ text: String, titles: [String: String]) -> [String] {
        var cards: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let target = rest[open.upperBound..<close.lowerBound].split(separator: "|").first.map(String.init) ?? ""
            if let card = titles[target.lowercased()], !cards.contains(card) { cards.append(card) }
            rest = rest[close.upperBound...]
        }
        return cards
    }

    @Test(
        "the home page starts newcomers on A first week: gentle cards, one a day; Four weeks closer goes gentle to deep"
    )
    func paths() throws {
        let content = Fixture.repository.appendingPathComponent("content")
        let cards = try Self.cards()
        var titles: [String: String] = [:]
        for card in cards { titles[card.meta.title.lowercased()] = card.name }
        let difficulty = Dictionary(uniqueKeysWithValues: cards.map { ($0.name, $0.meta.difficulty?.rawValue ?? "") })
        let home = try String(contentsOf: content.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(home.contains("**Start here:** [[A first week]]"))
        let week = Self.pathCards(
            try String(contentsOf: content.appendingPathComponent("paths/a-first-week.md"), encoding: .utf8),
            titles: titles)
        #expect(week.count == 7)
        #expect(week.allSatisfy { difficulty[$0] == "gentle" }, "\(week)")
        let month = Self.pathCards(
            try String(contentsOf: content.appendingPathComponent("paths/four-weeks-closer.md"), encoding: .utf8),
            titles: titles)
        let depth = ["gentle": 0, "moderate": 1, "deep": 2]
        let levels = month.map { depth[difficulty[$0] ?? ""] ?? -1 }
        #expect(levels.count >= 8 && levels.first == 0 && levels.last == 2, "\(month)")
        #expect(levels == levels.sorted(), "gentle to deep: \(month)")
    }
}
