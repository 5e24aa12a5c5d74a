import Foundation
import Testing

@testable import HearthCore

/// Step timers (content format v2): `{N min}` / `{N s}` at the end of a card's step.
@Suite("step timers")
struct StepTimerTests {
    static func card(duration: Int = 10, _ steps: String) -> String {
        "---\ntitle: Case\nduration: \(duration)\ndifficulty: gentle\ntypes: [emotional]\n---\n\n## Steps\n\n\(steps)"
    }

    static func built(_ text: String) async throws -> (URL, BuildReport) {
        let root = try Fixture.site(changing: ["content/exercises/case.md": text])
        return (root, await build(root))
    }

    @Test("a timed step carries its length on its <li>, and the marker is not shown")
    func timedSteps() async throws {
        let (root, report) = try await Self.built(
            Self.card("1. Sit down. {2 min}\n2. Breathe *slowly*. {45 s}\n3. Smile.\n"))
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
        let page = try #require(output(root, "exercises/case/index.html"))
        #expect(page.contains("<li data-timer=\"120\" data-timer-label=\"2 min\">Sit down.</li>"))
        #expect(page.contains("<li data-timer=\"45\" data-timer-label=\"45 s\">Breathe <em>slowly</em>.</li>"))
        #expect(page.contains("<li>Smile.</li>"))
        #expect(!page.contains("{2 min}") && !page.contains("{45 s}"))
    }

    @Test(
        "anything else at the end of a step that starts like a timer is an error at it",
        arguments: ["{3 mins}", "{0 min}", "{two min}", "{3min", "{181 min}", "{3601 s}", "{3  min}"])
    func malformed(_ marker: String) async throws {
        let (_, report) = try await Self.built(Self.card("1. Sit down.\n2. Hold hands. \(marker)\n"))
        #expect(report.has(.error, "content/exercises/case.md:11:16", .stepTimerMalformed), "\(report.messages)")
    }

    @Test("braces that are no timer, and timers outside '## Steps', stay as written")
    func notTimers() async throws {
        let (root, report) = try await Self.built(
            Self.card("1. Read the note {see below}\n\n## Reflect\n\n1. Talk. {2 min}\n"))
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
        let page = try #require(output(root, "exercises/case/index.html"))
        #expect(page.contains("<li>Read the note {see below}</li>") && page.contains("<li>Talk. {2 min}</li>"))
    }

    @Test("timers adding up to more than the duration are a warning at the duration line")
    func overDuration() async throws {
        let (_, report) = try await Self.built(Self.card(duration: 5, "1. Talk. {4 min}\n2. Listen. {90 s}\n"))
        #expect(report.succeeded)
        #expect(report.has(.warning, "content/exercises/case.md:3:11", .timersExceedDuration), "\(report.messages)")
    }
}
