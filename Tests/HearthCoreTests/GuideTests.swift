import Foundation
import HearthCore
import Testing

/// The guide in content/ with the default theme in templates/, built as `make site` builds it.
@Suite("the guide")
struct GuideTests {
    static func buildGuide() async throws -> (URL, BuildReport) {
        let root = try Fixture.copy(as: "guide")
        return (root, await build(root))
    }

    @Test("builds with no errors and no warnings, with its sections, articles and cards")
    func builds() async throws {
        let (root, report) = try await Self.buildGuide()
        #expect(report.succeeded)
        #expect(report.lines.isEmpty, "\(report.messages)")
        for section in ["emotional", "physical", "intellectual", "experiential", "spiritual", "exercises"] {
            #expect(output(root, "\(section)/index.html") != nil, "\(section)")
        }
        let site = snapshot(root.appendingPathComponent("public")).keys
        let cards = site.filter {
            $0.hasPrefix("exercises/") && $0.hasSuffix("/index.html") && $0 != "exercises/index.html"
        }
        #expect(cards.count >= 15)
        let topics = ["emotional/", "physical/", "intellectual/", "experiential/", "spiritual/"]
        let articles = site.filter { path in
            topics.contains { path.hasPrefix($0) } && path.hasSuffix("/index.html")
                && path.split(separator: "/").count == 3
        }
        #expect(articles.count >= 8)
    }

    @Test("every page's footer links the help page, and every page has a way to leave it quickly")
    func helpEverywhere() async throws {
        let (root, report) = try await Self.buildGuide()
        #expect(report.succeeded)
        for path in ["index.html", "exercises/index.html", "physical/everyday-touch/index.html", "404.html"] {
            let page = try #require(output(root, path), "\(path)")
            #expect(page.contains("<a href=\"/help/\">When to get help</a> · <a href=\"/tags/\">"), "\(path)")
            // The way out is on every page: a plain link to site.yml's neutral page, which the
            // script turns into a leave-without-a-trace.
            #expect(
                page.contains(
                    "<a class=\"quick-exit\" href=\"https://www.bbc.co.uk/weather\" rel=\"noreferrer\" data-quick-exit>Leave this site</a>"
                ), "\(path)")
        }
        let script = try #require(output(root, "assets/js/exit.js"))
        #expect(script.contains("window.location.replace(destination)") && script.contains("forgetEverything"))
    }

    @Test("the owner's article keeps its text and links its three phrases to pages that exist")
    func seedArticle() async throws {
        let (root, report) = try await Self.buildGuide()
        #expect(report.succeeded)
        let page = try #require(output(root, "emotional/what-is-emotional-intimacy/index.html"))
        #expect(page.contains("<h1>What Is Emotional Intimacy and Why Does It Matter?</h1>"))
        #expect(page.contains("<a href=\"/exercises/\">marriage intimacy exercises</a>"))
        #expect(
            page.contains("<a href=\"/physical/physical-vs-emotional-intimacy/\">physical vs emotional intimacy</a>"))
        #expect(page.contains("<a href=\"/emotional/relationship-tips/\">relationship tips</a>"))
        // Every sentence of the seed is published.
        let seed = try String(
            contentsOf: Fixture.folder.appendingPathComponent("seed/what-is-emotional-intimacy.txt"), encoding: .utf8)
        let text = page.replacingOccurrences(of: "&#39;", with: "'")
        for sentence in seed.split(separator: "\n").map(String.init) where !sentence.isEmpty {
            let plain = sentence.replacingOccurrences(of: "marriage intimacy exercises", with: "")
                .replacingOccurrences(of: "physical vs emotional intimacy", with: "")
                .replacingOccurrences(of: "relationship tips", with: "")
            for part in plain.components(separatedBy: "  ") where part.count > 20 {
                #expect(text.contains(part.trimmingCharacters(in: .whitespaces).prefix(40)), "\(part)")
            }
        }
        // Physical vs Emotional Intimacy is listed by both sections.
        for section in ["emotional", "physical"] {
            #expect(
                output(root, "\(section)/index.html")?.contains("/physical/physical-vs-emotional-intimacy/") == true)
        }
    }

    @Test("no built page makes a request to another host")
    func noThirdParty() async throws {
        let (root, report) = try await Self.buildGuide()
        #expect(report.succeeded)
        let files = snapshot(root.appendingPathComponent("public"))
        let requestAttribute = try NSRegularExpression(
            pattern:
                "<(script|link|img|iframe|source|video|audio|embed|object|track|input)\\b[^>]*?\\s(src|href|srcset|data|poster)=\"([^\"]*)\"",
            options: [.caseInsensitive])
        let cssURL = try NSRegularExpression(
            pattern: "(url\\(\\s*['\"]?|@import\\s+['\"])([^'\")]+)", options: [.caseInsensitive])
        var checked = 0
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            var references: [String] = []
            if path.hasSuffix(".html") {
                for match in requestAttribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let tag = Range(match.range(at: 0), in: text).map { String(text[$0]) } ?? ""
                    // <link rel="canonical"> and <link rel="alternate"> name pages; they are not fetched.
                    if tag.contains("rel=\"canonical\"") || tag.contains("rel=\"alternate\"") { continue }
                    references.append(Range(match.range(at: 3), in: text).map { String(text[$0]) } ?? "")
                }
            }
            if path.hasSuffix(".css") || path.hasSuffix(".html") {
                for match in cssURL.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    references.append(Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? "")
                }
            }
            for reference in references {
                checked += 1
                let lower = reference.lowercased()
                let external = lower.hasPrefix("//") || (lower.contains(":") && !lower.hasPrefix("data:"))
                #expect(!external, "\(path) requests \(reference)")
            }
        }
        #expect(checked > 100)
    }

    @Test("every page has one h1, a lang, a skip link, a description, a canonical link and a CSP")
    func pageBasics() async throws {
        let (root, report) = try await Self.buildGuide()
        #expect(report.succeeded)
        for (path, data) in snapshot(root.appendingPathComponent("public")) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) has not exactly one h1")
            #expect(html.contains("<html lang=\"en\">"), "\(path)")
            #expect(html.contains("class=\"skip-link\" href=\"#main\""), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://closer.example/"), "\(path)")
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
            #expect(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'"), "\(path)")
        }
    }
}
