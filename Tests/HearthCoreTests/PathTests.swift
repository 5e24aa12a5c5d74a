import Foundation
import Testing

@testable import HearthCore

/// Paths (content format v2): the exercise cards a page of `content/paths/` links, in order.
@Suite("paths")
struct PathTests {
    @Test("a path's cards are those it links, in order of first link; each card names its place")
    func order() async throws {
        let root = try Fixture.site("paths")
        #expect(await build(root).succeeded)
        let path = try #require(output(root, "paths/first-steps/index.html"))
        let hug = try #require(path.range(of: "/exercises/hug/\">Long Hug</a></h3>"))
        let talk = try #require(path.range(of: "/exercises/talk/\">Talk</a></h3>"))
        let gaze = try #require(path.range(of: "/exercises/gaze/\">Gaze</a></h3>"))
        #expect(hug.lowerBound < talk.lowerBound && talk.lowerBound < gaze.lowerBound)
        #expect(path.contains("3 exercises, 25 min in all."))
        let card = try #require(output(root, "exercises/talk/index.html"))
        #expect(
            card.contains("<a href=\"/paths/first-steps/\">First steps</a>: Day 1 of 2"),
            "a place in the path's own words")
        #expect(card.contains("rel=\"prev\" href=\"/exercises/hug/\">← Long Hug</a>"))
        #expect(card.contains("rel=\"next\" href=\"/exercises/gaze/\" data-label=\"Day 2\">Gaze →</a>"))
        let first = try #require(output(root, "exercises/hug/index.html"))
        #expect(first.contains("Day 1 of 2") && !first.contains("rel=\"prev\""))
        // Each card once on the path's page, under its day.
        #expect(path.components(separatedBy: "class=\"path-stop\" data-url=\"/exercises/hug/\"").count == 2)
        #expect(path.contains("<p class=\"path-label\">Day 2"))
    }

    @Test("a path that links fewer than two cards is an error at the start of its text")
    func tooShort() async throws {
        let root = try Fixture.site(
            "paths", changing: ["content/paths/solo.md": "---\ntitle: Solo\n---\n\nOnly [[Gaze]] and [[Home]].\n"])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/paths/solo.md:5:1", .pathHasTooFewCards), "\(report.messages)")
    }

    @Test("a path's total time reads in hours and minutes")
    func totalTime() {
        #expect(ContextBuilder.totalTime(45) == "45 min")
        #expect(ContextBuilder.totalTime(60) == "1 h")
        #expect(ContextBuilder.totalTime(100) == "1 h 40 min")
    }
}
