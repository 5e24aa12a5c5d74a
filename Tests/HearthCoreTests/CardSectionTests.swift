import Foundation
import HearthCore
import Testing

/// An exercise card's sections (content format v2): `## Steps` with a numbered list, and
/// `## If it gets hard` on deep (required) and moderate (expected) cards.
@Suite("card sections")
struct CardSectionTests {
    static func card(_ difficulty: String, _ body: String) -> String {
        "---\ntitle: Case\nduration: 10\ndifficulty: \(difficulty)\ntypes: [emotional]\n---\n\n\(body)"
    }

    static func check(_ text: String) async throws -> BuildReport {
        let root = try Fixture.site(changing: ["content/exercises/case.md": text])
        return await build(root, write: false)
    }

    static let steps = "## Steps\n\n1. Sit.\n2. Breathe.\n"
    static let hard = "## If it gets hard\n\nPause, and hold hands.\n"

    @Test("a card without '## Steps' is an error at the start of its text")
    func missingSteps() async throws {
        let report = try await Self.check(Self.card("gentle", "Just talk.\n"))
        #expect(report.has(.error, "content/exercises/case.md:8:1", .stepsMissing))
    }

    @Test("'## Steps' without a numbered list is an error at the heading, whatever else it holds")
    func stepsWithoutNumbers() async throws {
        let bullets = try await Self.check(
            Self.card("gentle", "Intro.\n\n## Steps\n\n- Sit.\n- Breathe.\n\n## Reflect\n\n1. How was it?\n"))
        #expect(bullets.has(.error, "content/exercises/case.md:10:1", .stepsNotNumbered), "\(bullets.messages)")
        // A numbered list inside a bullet is not the card's steps either.
        let nested = try await Self.check(Self.card("gentle", "## Steps\n\n- First:\n  1. Sit.\n"))
        #expect(nested.has(.error, "content/exercises/case.md:8:1", .stepsNotNumbered), "\(nested.messages)")
    }

    @Test("a question deck of fewer than 3 questions, or without a bulleted list, is an error where it is")
    func questionDecks() async throws {
        let two = try await Self.check(Self.card("gentle", Self.steps + "\n## Questions\n\n- Why?\n- How?\n"))
        #expect(two.has(.error, "content/exercises/case.md:15:1", .questionDeckTooSmall), "\(two.messages)")
        let prose = try await Self.check(Self.card("gentle", Self.steps + "\n## Questions\n\nAsk anything.\n"))
        #expect(prose.has(.error, "content/exercises/case.md:13:1", .questionsNotBulleted), "\(prose.messages)")
        let three = try await Self.check(Self.card("gentle", Self.steps + "\n## questions\n\n- A?\n- B?\n- C?\n"))
        #expect(three.succeeded && three.lines.isEmpty, "\(three.messages)")
    }

    @Test("headings match case-insensitively, and a gentle card needs no '## If it gets hard'")
    func caseInsensitive() async throws {
        let report = try await Self.check(Self.card("deep", "## STEPS\n\n1. Sit.\n\n## If It Gets  Hard\n\nPause.\n"))
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
        let gentle = try await Self.check(Self.card("gentle", Self.steps))
        #expect(gentle.succeeded && gentle.lines.isEmpty, "\(gentle.messages)")
    }

    @Test("'## If it gets hard' is required on a deep card (error) and expected on a moderate one (warning)")
    func ifItGetsHard() async throws {
        let deep = try await Self.check(Self.card("deep", Self.steps))
        #expect(deep.has(.error, "content/exercises/case.md:8:1", .ifItGetsHardMissing))
        let moderate = try await Self.check(Self.card("moderate", Self.steps))
        #expect(moderate.succeeded)
        #expect(moderate.has(.warning, "content/exercises/case.md:8:1", .ifItGetsHardMissing))
        let both = try await Self.check(Self.card("deep", Self.steps + "\n" + Self.hard))
        #expect(both.succeeded && both.lines.isEmpty, "\(both.messages)")
    }

    @Test("changing a card's difficulty is checked again by a build that keeps its cache")
    func cachedDifficulty() async throws {
        let root = try Fixture.site(changing: ["content/exercises/case.md": Self.card("gentle", Self.steps)])
        #expect(await build(root).succeeded)
        try Data(Self.card("deep", Self.steps).utf8).write(to: root.appendingPathComponent("content/exercises/case.md"))
        let report = await build(root)
        #expect(report.has(.error, "content/exercises/case.md:8:1", .ifItGetsHardMissing))
    }
}
