import Testing

@testable import HearthCore

/// `SimpleYAML` reads plain front matter without Yams; whatever it reads must be what Yams reads,
/// every node's text, style, line and column included, or a page's values and the places its
/// diagnostics point at would change.
@Suite struct SimpleYAMLTests {
    /// Yams' reading of the same text.
    func composed(_ yaml: String) -> Result<[YAMLNode.Pair], Diagnostic> {
        YAMLReader(file: "t.md", lineOffset: 1, text: yaml).composedMapping()
    }

    /// Front matter as editors write it, which must be read without Yams (else the build is as
    /// slow as before) and exactly as Yams reads it.
    @Test(arguments: [
        "title: \"Notice hope 9413\"\ndate: 2019-12-05\ntypes: [physical]\ntags: [communication, vulnerability]\nduration: 10\ndifficulty: moderate\nwho: couple\n",
        "title: Ten minutes, eyes open\nsummary: It's quieter than you think\n",
        "title: 'Single quoted, with \"inner\" quotes'\nweight: 3\n",
        "title: Café à deux — the long way\ntags: [réconfort, “curly” words, 'no escape here' ]\n",
        "tags:\n  - trust\n  - \"slow evenings\"\n  - 'care'\ntitle: Lists in blocks\n",
        "tags:\n- indentless\n- list\n\ntitle:    spaced   \n\n\n",
        "related: []\nkeywords: [ a b ,c,  d ]\n",
        "title: Emoji 💛 and math ≤ ≥\nslug: emoji\n",
        "draft: true\nupdated: 2024-01-02\nmaterials: [a blanket, two cups of tea]\n",
        "title: a backslash \\ stays, 100% and @ and ! inside\n",
        "title: \"\"\nsummary: ''\n",
        "title: ~\nslug: null\n",
    ])
    func readsWhatYamsReads(_ yaml: String) throws {
        let simple = try #require(SimpleYAML.mapping(yaml), "left to Yams: \(yaml)")
        #expect(composed(yaml) == .success(simple))
    }

    /// A long `[...]` line with accented items: every item's column counted right, the line
    /// counted once (a count from the line's start for each item took quadratic time).
    @Test func longListLineReadsAlike() throws {
        let items = (0..<5000).map { "é\($0)" }
        let yaml = "title: Long\ntags: [\(items.joined(separator: ", "))]\n"
        let simple = try #require(SimpleYAML.mapping(yaml))
        #expect(simple[1].value.sequence?.count == 5000)
        #expect(composed(yaml) == .success(simple))
    }

    /// YAML this reader leaves to Yams: read alike, or reported alike, through `mapping()`.
    @Test(arguments: [
        "title: Tips #1\n", "title: a: b\n", "title: \"esc\\\"aped\"\n", "title: 'it''s'\n", "title:\n",
        "title: x\r\ndate: 2020-01-01\r\n", "title:\tx\n", "title: x\n  continued\n",
        "tags: [a,\n  b]\n", "tags: [a, ]\n", "tags: [a, , b]\n", "tags: [[a]]\n", "tags: {a: b}\n",
        "title: &a x\nslug: *a\n", "title: !tag x\n", "summary: |\n  block\n", "title: x\ntitle: y\n",
        "# comment\ntitle: x\n", "tags:\n  - a\n    - b\n", "tags:\n  - a\n - b\n", "tags:\n  -\n",
        "tags:\n  - a\n\n  - b\n", "title: -5\n", "\u{FEFF}title: x\n", "title: a\u{85}b\n",
        "title: a\u{2028}b\n", "title: x\n---\n", "title : x\n", "title:x\n", "- a\n", "",
        "title: \"open\n", "title: x # note\n", "title: [a] tail\n",
    ])
    func leavesTheRestToYams(_ yaml: String) {
        #expect(SimpleYAML.mapping(yaml) == nil, "read without Yams: \(yaml)")
    }

    /// Texts built at random from the pieces front matter is made of, the awkward ones included:
    /// each that `SimpleYAML` reads must be read alike by Yams.
    @Test func randomFrontMatterReadsAlike() {
        var random = SplitMix64(seed: 0x4845_4152_5448)
        let keys = ["title", "tags", "summary", "date", "x_y", "k-1", "related"]
        let words = [
            "tea", "two words", "it's", "a,b", "é", "💛", "#", ":", " ", "\\", "\"", "'", "-", "*", "&", "[", "]",
            "{", "?", "\t", "\u{85}", "~", "null", "%", "@x", "a:b", "a #b", "—", "",
        ]
        func word() -> String { words[Int(random.next() % UInt64(words.count))] }
        func text() -> String { (0..<Int(1 + random.next() % 3)).map { _ in word() }.joined() }
        func scalar() -> String {
            switch random.next() % 4 {
            case 0: "\"\(text())\""
            case 1: "'\(text())'"
            default: text()
            }
        }
        var read = 0
        for _ in 0..<20000 {
            var yaml = ""
            for _ in 0..<(1 + random.next() % 4) {
                let key = keys[Int(random.next() % UInt64(keys.count))]
                switch random.next() % 5 {
                case 0: yaml += "\(key): [\((0..<random.next() % 4).map { _ in scalar() }.joined(separator: ", "))]\n"
                case 1:
                    let indent = String(repeating: " ", count: Int(random.next() % 3))
                    yaml += "\(key):\n" + (0..<(1 + random.next() % 3)).map { _ in "\(indent)- \(scalar())\n" }.joined()
                case 2: yaml += "\n"
                default: yaml += "\(key): \(scalar())\(random.next() % 4 == 0 ? "  " : "")\n"
                }
            }
            guard let simple = SimpleYAML.mapping(yaml) else { continue }
            read += 1
            #expect(composed(yaml) == .success(simple), "read otherwise by Yams: \(yaml.debugDescription)")
        }
        #expect(read > 2500, "too few of the texts were read without Yams to compare: \(read)")
    }
}

/// A small seeded generator, so that a failure can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
