// libFuzzer target: a whole file's bytes through what `hearth build` does before Markdown — the
// UTF-8 and NUL checks, the `---` split, Yams, the typed front matter checks, the slug — as an
// article and as an exercise card, and the same bytes as `content/site.yml`, where what
// `SimpleYAML` reads must be what Yams reads. Compiled into one module with the HearthCore files
// it needs (see Fuzz/run.sh), so it calls the internal API.
import Foundation
import HearthMarkdown

let fuzzTypes = ["emotional", "physical", "communication"]

/// Every diagnostic must point inside the file: a line and column a reader can find.
func checkPositions(_ diagnostics: [Diagnostic], lines: Int) {
    for d in diagnostics {
        precondition(!d.message.isEmpty, "empty message")
        guard let line = d.line else { continue }
        let p = SourcePosition(line: line, column: d.column ?? 1)
        precondition(p.line >= 1 && p.line <= lines, "line out of range: \(p) of \(lines) — \(d.message)")
        precondition(p.column >= 1, "column out of range: \(p) — \(d.message)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    // Lines as an editor counts them (LF, CR LF or a lone CR end a line); a file ending without
    // a newline still has its last line, and one past the end is where "missing" things go.
    var lines = 1
    var previous: UInt8 = 0
    for b in UnsafeBufferPointer(start: data, count: size) {
        if b == 0x0A, previous != 0x0D { lines += 1 } else if b == 0x0D { lines += 1 }
        previous = b
    }
    lines += 1
    for kind in [PageKind.article, .exercise] {
        let entry = SourceEntry(
            kind: kind, contentPath: kind == .exercise ? "exercises/fuzz.md" : "emotional/fuzz.md",
            section: kind == .exercise ? "exercises" : "emotional")
        let (page, diagnostics) = ContentLoader.readPage(
            entry, data: bytes,
            context: SourceContext(content: "/nonexistent", knownTypes: fuzzTypes, otherSections: ["blog"]))
        checkPositions(diagnostics, lines: lines)
        if let page {
            precondition(!page.slug.isEmpty && !page.slug.contains("/"), "bad slug '\(page.slug)'")
            precondition(page.path.hasSuffix("/"), "bad path '\(page.path)'")
            precondition(page.bodyLineOffset >= 1 && page.bodyLineOffset <= lines, "body offset out of range")
            if diagnostics.allSatisfy({ $0.severity != .error }) {
                precondition(!page.title.isEmpty, "a page without a title passed")
            }
        }
    }
    if let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) {
        var diagnostics: [Diagnostic] = []
        _ = SiteConfig.parse(text, file: "content/site.yml", diagnostics: &diagnostics)
        checkPositions(diagnostics, lines: lines)
        // What the plain-lines reader reads, Yams must read alike, places included.
        if let simple = SimpleYAML.mapping(text) {
            let composed = YAMLReader(file: "fuzz.yml", lineOffset: 0, text: text).composedMapping()
            precondition(composed == .success(simple), "read otherwise by Yams: \(text.debugDescription)")
        }
    }
    return 0
}
