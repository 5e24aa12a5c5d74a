import Foundation
import HearthMarkdown
import Yams

extension YAMLReader {
    /// libyaml's syntax errors, said in the words of someone writing front matter, at the place
    /// to mend: a bracket or quote that is never closed is reported where it opens.
    func syntaxError(_ problem: String, at mark: Mark, context: YamlError.Context?) -> Diagnostic {
        let place = position(mark)
        let opening = context.flatMap { position($0.mark) }
        // The line of the mistake, to quote from it.
        let line: Substring? = {
            guard let number = place.map({ $0.line - lineOffset }), number >= 1 else { return nil }
            let lines = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            return number <= lines.count ? lines[number - 1] : nil
        }()
        func quoted(_ line: Substring) -> String? {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return nil }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            return "\(line[..<colon].trimmingCharacters(in: .whitespaces)): \"\(escaped)\""
        }
        let contextText = context?.text ?? ""
        let tabIndented = Diagnostic.error(
            .tabIndent, file, place, "this line is indented with a tab",
            hint: "indent with spaces: YAML does not allow tabs")
        switch problem {
        case "mapping values are not allowed in this context":
            return mappingValues(line: line, place: place, column: mark.column, quoted: quoted)
        case _ where problem.hasPrefix("found a tab character"):
            return tabIndented
        case _
        where problem.hasPrefix("found unknown escape character")
            || problem == "did not find expected hexdecimal number":
            // `"C:\Users"`: `\U` wants eight hex digits, `\q` is no escape; the mistake is the
            // backslash, the last one before where libyaml stopped.
            let scalars = line.map { Array($0.unicodeScalars) } ?? []
            let backslash = scalars.prefix(max(0, mark.column)).lastIndex(of: "\\")
            let escape = backslash.map { String(String.UnicodeScalarView(scalars[$0..<min(scalars.count, $0 + 2)])) }
            let place = backslash.map { SourcePosition(line: place?.line ?? 1, column: $0 + 1) } ?? place
            let single = line.flatMap { line -> String? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2, !value.contains("'") else {
                    return nil
                }
                return "\(line[..<colon].trimmingCharacters(in: .whitespaces)): '\(value.dropFirst().dropLast())'"
            }
            return .error(
                .unknownEscape, file, place,
                "'\(escape ?? "\\")' is no escape YAML knows: in double quotes, a backslash starts one",
                hint: single.map { "write it in single quotes, where a backslash is itself: \($0)" }
                    ?? "write each backslash twice (\\\\), or put the value in single quotes")
        case _ where contextText.contains("scanning an alias"):
            // `summary: *Really* listen.`: the alias's name stops at the second '*'.
            return .error(
                .undefinedAlias, file, opening ?? place, "'*' starts an alias here, and no '&' anchor has its name",
                hint: line.flatMap(quoted).map { "write it as \($0)" }
                    ?? "to write text that starts with '*', put it in quotes")
        case _ where contextText.contains("quoted scalar"):
            return .error(
                .quoteNotClosed, file, opening ?? place, "the quoted text that starts here is never closed",
                hint: "end it with the same quote mark on its line")
        case "did not find expected ',' or ']'":
            return .error(
                .listNotClosed, file, opening ?? place, "the list that starts here with '[' is never closed",
                hint: "end it with ']', its entries separated by ',': tags: [trust, touch]")
        case "did not find expected ',' or '}'":
            return .error(
                .braceNotClosed, file, opening ?? place, "the '{' here is never closed", hint: "end it with '}'")
        case "could not find expected ':'":
            return .error(
                .lineNotKeyValue, file, opening ?? place, "this line is not 'key: value'",
                hint: "write a key and ':' before the value (summary: Two sentences.)"
                    + (file.hasSuffix(".md") ? "; the page's text goes after the closing '---'" : ""))
        case "did not find expected node content":
            return .error(
                .valueMissing, file, place, "a value is missing here", hint: "write one, or remove the extra ','")
        case "found undefined alias":
            return .error(
                .undefinedAlias, file, place, "'*' starts an alias here, and no '&' anchor has its name",
                hint: "to write text that starts with '*', put it in quotes")
        case "found character that cannot start any token":
            let scalar = line.flatMap { $0.unicodeScalars.dropFirst(mark.column - 1).first }
            // A list item indented with a tab (`\t- trust`) lands here, not at "found a tab".
            if scalar == "\t" { return tabIndented }
            let character = scalar.map { "'\($0)'" }
            return .error(
                .valueNeedsQuotes, file, place,
                "a value cannot start with \(character ?? "this character") unless it is in quotes",
                hint: line.flatMap(quoted).map { "write it as \($0)" } ?? "put the value in double quotes")
        case "did not find expected key", "did not find expected <document start>":
            return keyNotFound(line: line, place: place)
        default:
            let hint = context.map { context in
                "YAML was \(context.text.replacingOccurrences(of: "while ", with: ""))"
                    + (opening.map { " that starts at \($0.line):\($0.column)" } ?? "")
            }
            return .error(.yamlSyntaxError, file, place, "YAML syntax error: \(problem)", hint: hint)
        }
    }

    /// `  summary: x` under `title: T`: indented, it reads as more of the title; else a value with
    /// `: ` in it.
    private func mappingValues(
        line: Substring?, place: SourcePosition?, column: Int, quoted: (Substring) -> String?
    ) -> Diagnostic {
        // `  summary: x` under `title: T`: indented, it reads as more of the title.
        if let line, line.first?.isWhitespace == true,
            !line.unicodeScalars.prefix(max(0, column - 1)).contains(":")
        {
            let key = line.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0.isWhitespace }.count
            return .error(
                .lineIndented, file, place.map { SourcePosition(line: $0.line, column: indent + 1) },
                "this line is indented, so it reads as more of the value above",
                hint: "start '\(key):' at the first column, as the other keys")
        }
        return .error(
            .colonInValue, file, place, "a value with ': ' in it must be in quotes",
            hint: line.flatMap(quoted).map { "write it as \($0)" } ?? "put the value in double quotes")
    }

    /// A quote that ends before its value does (`'It's here'`), or a line out of step.
    private func keyNotFound(line: Substring?, place: SourcePosition?) -> Diagnostic {
        if let line, let value = line.firstIndex(of: ":").map({ line[line.index(after: $0)...] }),
            let quote = value.first(where: { !$0.isWhitespace }), quote == "'" || quote == "\""
        {
            let other: Character = quote == "'" ? "\"" : "'"
            let inside = quote == "'" ? "two single quotes ('') for one" : "\\\" for a quote"
            return .error(
                .quoteEndsEarly, file, place, "the quoted text ends before the value does",
                hint: "inside \(quote)...\(quote) write \(inside), or quote it with \(other) instead")
        }
        return .error(
            .lineOutOfStep, file, place, "this line does not fit the lines above it",
            hint: "each line is 'key: value' starting at the first column; list entries under a key are "
                + "'  - value', indented alike")
    }
}
