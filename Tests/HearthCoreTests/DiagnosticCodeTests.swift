import Foundation
import HearthCore
import Testing

/// Every diagnostic's code: declared once, listed, documented, and explained by `hearth explain`.
@Suite("diagnostic codes")
struct DiagnosticCodeTests {
    static let codesFolder = Fixture.repository.appendingPathComponent("Sources/HearthCore/Diagnostics/Codes")

    @Test("each code is an H and three digits, said once, in its stage's hundreds, with every part written")
    func wellFormed() throws {
        let ids = DiagnosticCode.all.map(\.id)
        #expect(ids.count > 40, "\(ids.count) codes")
        #expect(Set(ids).count == ids.count, "a code is declared twice: \(ids)")
        for code in DiagnosticCode.all {
            #expect(code.id.wholeMatch(of: /H[1-5][0-9][0-9]/) != nil, "\(code.id)")
            #expect(!code.title.isEmpty && !code.title.hasSuffix("."), "\(code.id): \(code.title)")
            #expect(!code.example.isEmpty && !code.fix.isEmpty, "\(code.id)")
            // The message shown is what the build prints: it carries its code.
            #expect(code.message.contains("[\(code.id)]"), "\(code.id)'s message lacks its code: \(code.message)")
        }
    }

    @Test("every code written in Codes/ is in the list docs and explain are made from")
    func everyDeclaredCodeIsListed() throws {
        var written: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.codesFolder.path) {
            let text = try String(contentsOf: Self.codesFolder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /DiagnosticCode\(\s*"(H[0-9]{3})"/) { written.insert(String(match.1)) }
        }
        #expect(written.count > 40)
        #expect(written == Set(DiagnosticCode.all.map(\.id)), "declared but not listed: \(written)")
    }

    @Test("docs/diagnostics.md is the catalog as the codes describe it (HEARTH_UPDATE_GOLDEN=1 rewrites it)")
    func catalogIsCurrent() throws {
        let url = Fixture.repository.appendingPathComponent("docs/diagnostics.md")
        if ProcessInfo.processInfo.environment["HEARTH_UPDATE_GOLDEN"] != nil {
            try Data(DiagnosticCode.catalogMarkdown.utf8).write(to: url)
        }
        let doc = try String(contentsOf: url, encoding: .utf8)
        #expect(doc == DiagnosticCode.catalogMarkdown, "docs/diagnostics.md is out of date: make docs")
        for code in DiagnosticCode.all { #expect(doc.contains("### \(code.id)\n")) }
    }

    @Test("hearth explain prints a code's entry; without a code it lists them; an unknown code fails clearly")
    func explain() throws {
        let entry = try Self.run(["explain", "h401"])
        #expect(entry.status == 0)
        #expect(entry.stdout.hasPrefix("H401: The output folder would hold the sources\n"), "\(entry.stdout)")
        // Copied as printed after a problem, brackets and all.
        #expect(try Self.run(["explain", "[H401]"]).stdout == entry.stdout)
        #expect(entry.stdout.contains("What to do: "))
        let list = try Self.run(["explain"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == DiagnosticCode.all.count)
        let unknown = try Self.run(["explain", "H999"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("error: no diagnostic has the code 'H999'\n"), "\(unknown.stderr)")
    }

    @Test("a build prints each problem's code in the terminal and in --format json, and names explain once")
    func codesPrinted() throws {
        let root = try Fixture.site("basic")
        let page = root.appendingPathComponent("content/emotional/broken.md")
        try Data("---\ntitle: Broken\n---\nSee [[Nowhere At All]].\n".utf8).write(to: page)
        let text = try Self.run(["build", "--source", root.path, "--no-cache", "--base-url", "https://closer.love/"])
        #expect(text.status == 1)
        let line = try #require(text.stderr.split(separator: "\n").first { $0.contains("[[Nowhere At All]]") })
        let code = try #require(line.firstMatch(of: /\[(H2[0-9][0-9])\]$/)?.1)
        #expect(text.stderr.contains("hearth explain \(code)\n"), "\(text.stderr)")
        let json = try Self.run(["build", "--source", root.path, "--no-cache", "--format", "json"])
        let objects = json.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.contains { $0["code"] as? String == String(code) }, "\(json.stdout)")
        #expect(objects.allSatisfy { DiagnosticCode.named($0["code"] as? String ?? "") != nil })
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixture.runFolder
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is small here; read standard output first, as the process writes it first.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
