import HearthMarkdown

/// The sections of an exercise card (content format v2): its level-2 headings, matched
/// case-insensitively. `## Steps` holds the numbered steps; `## If it gets hard` says what to do
/// when feelings run high, required on deep cards and expected on moderate ones. `## Questions`
/// (v3) is a question deck: a bulleted list of at least three questions.
enum CardSections {
    static let steps = "steps"
    static let ifItGetsHard = "if it gets hard"
    static let questions = "questions"
    static let fewestQuestions = 3

    /// A level-2 heading's name as the format matches it: lower case, white space folded.
    static func name(_ heading: Heading) -> String {
        let text = heading.text
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        // ASCII, the common case, byte by byte: by Character it was 2% of a 10,000-page build.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20) }
            space = false
            out.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The problems of a card's sections, given its level-2 headings and its top-level lists.
    static func check(_ page: Page, headings: [Heading], lists: [TopLevelList]) -> [Diagnostic] {
        guard page.kind == .exercise else { return [] }
        let sections = headings.filter { $0.level == 2 }
        let names = sections.map(name)
        let top = page.textStart
        var diagnostics: [Diagnostic] = []
        /// The top-level lists under section `index`, up to the next `##`.
        func listsUnder(_ index: Int) -> [TopLevelList] {
            let start = sections[index].line
            let end = index + 1 < sections.count ? sections[index + 1].line : Int.max
            return lists.filter { $0.line > start && $0.line < end }
        }
        if let index = names.firstIndex(of: questions) {
            diagnostics += checkQuestions(page, heading: sections[index], lists: listsUnder(index))
        }
        if let index = names.firstIndex(of: steps) {
            let start = sections[index].line
            if !listsUnder(index).contains(where: \.ordered) {
                diagnostics.append(
                    .error(
                        .stepsNotNumbered, page.file, SourcePosition(line: start, column: 1),
                        "'## Steps' holds no numbered list",
                        hint: "write each step as a numbered item on a line of its own: '1. Sit facing each other.'"))
            }
        } else {
            diagnostics.append(
                .error(
                    .stepsMissing, page.file, top, "an exercise card needs a '## Steps' section",
                    hint: "add '## Steps' and under it the steps as a numbered list (1. 2. 3.)"))
        }
        if !names.contains(ifItGetsHard), let difficulty = page.meta.difficulty,
            difficulty != .gentle
        {
            let hint =
                "add '## If it gets hard': how to pause, how to stop kindly, and where to get help if feelings run high"
            if difficulty == .deep {
                diagnostics.append(
                    .error(
                        .ifItGetsHardMissing, page.file, top, "a deep card needs an '## If it gets hard' section",
                        hint: hint))
            } else {
                diagnostics.append(
                    .warning(
                        .ifItGetsHardMissing, page.file, top,
                        "a moderate card should have an '## If it gets hard' section",
                        hint: hint))
            }
        }
        return diagnostics
    }

    /// A question deck is one bulleted list of at least `fewestQuestions` questions.
    private static func checkQuestions(_ page: Page, heading: Heading, lists: [TopLevelList]) -> [Diagnostic] {
        let at = SourcePosition(line: heading.line, column: 1)
        guard let list = lists.first(where: { !$0.ordered }) else {
            return [
                .error(
                    .questionsNotBulleted, page.file, at, "'## Questions' holds no bulleted list",
                    hint: "write each question as a bulleted item on a line of its own: '- What made you laugh today?'")
            ]
        }
        guard list.items >= fewestQuestions else {
            return [
                .error(
                    .questionDeckTooSmall, page.file, SourcePosition(line: list.line, column: 1),
                    "a question deck needs at least \(fewestQuestions) questions, and this one has \(list.items)",
                    hint: "add questions, one bulleted item each, or write them under another heading")
            ]
        }
        return []
    }
}

extension Page {
    /// Where the page's text begins (its first line that is not blank): what is missing from the
    /// text is said there.
    var textStart: SourcePosition {
        let blankLines = body.utf8.prefix { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }.count { $0 == 0x0A }
        return SourcePosition(line: bodyLineOffset + 1 + blankLines, column: 1)
    }
}
