/// What `hearth explain` prints and what docs/diagnostics.md holds, both made from the codes'
/// descriptions (DiagnosticCode), so the two never disagree.
extension DiagnosticCode {
    /// The stages codes are grouped by: their hundreds and a heading.
    static let groups: [(hundreds: Character, title: String)] = [
        ("1", "Content: files, front matter, site.yml"),
        ("2", "Links: links, wikilinks, tags, paths"),
        ("3", "Templates and rendering"),
        ("4", "Output and images"),
        ("5", "The command line and the preview server"),
    ]

    /// One code for the terminal: the title, the example, the message and the fix.
    public var explanation: String {
        """
        \(id): \(title)

        For example:

        \(Self.indented(example))

        Hearth says:

        \(Self.indented(message))

        What to do: \(fix)

        """
    }

    /// docs/diagnostics.md, whole.
    public static var catalogMarkdown: String {
        var out = """
            # Diagnostics

            Every problem `hearth build`, `hearth check` and `hearth serve` report has a code, printed
            after its message (`[H101]`) and in `--format json` (`"code"`). A code keeps its meaning
            from release to release; the wording may change. `hearth explain H101` prints one entry
            of this page in the terminal.

            This page is made from the codes' descriptions in
            `Sources/HearthCore/Diagnostics/Codes/` (`make docs` writes it, and a test checks that it
            is current): change them there, not here.

            """
        for group in groups {
            let codes = all.filter { $0.id.dropFirst().first == group.hundreds }
            guard !codes.isEmpty else { continue }
            out += "\n## \(group.title)\n\n"
            out += codes.map { "- [\($0.id)](#\($0.id.lowercased())): \($0.title)" }.joined(separator: "\n") + "\n"
            for code in codes {
                out += """

                    ### \(code.id)

                    **\(code.title).**

                    ```
                    \(code.example)
                    ```

                    Hearth says:

                    ```
                    \(code.message)
                    ```

                    \(code.fix)

                    """
            }
        }
        return out
    }

    /// The list `hearth explain` prints without a code: each code and its title.
    public static var index: String {
        all.map { "\($0.id)  \($0.title)\n" }.joined()
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
    }
}
