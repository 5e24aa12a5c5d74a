import Foundation
import Glibc
import HearthCore
import Synchronization

/// How a command reports to the terminal.
struct ConsoleOptions: Sendable {
    enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    var format: Format
    var quiet: Bool
    var verbose: Bool
    var color: Bool

    init(format: Format = .text, quiet: Bool = false, verbose: Bool = false, color: Bool? = nil) {
        self.format = format
        self.quiet = quiet
        self.verbose = verbose
        self.color = color ?? Console.stderrWantsColor()
    }
}

/// Prints diagnostics and summaries for the command line.
enum Console {
    /// Colour only on a terminal, and never with NO_COLOR set.
    static func stderrWantsColor() -> Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func grouped(_ n: Int) -> String { DiagnosticPrinter.grouped(n) }

    /// Prints every diagnostic, then the closing line: what was built, or how many problems.
    static func report(_ report: BuildReport, root: URL, options: ConsoleOptions, verb: String = "Built") {
        let diagnostics = report.diagnostics
        switch options.format {
        case .json:
            standardOutput(DiagnosticPrinter.jsonLines(diagnostics))
        case .text:
            let printer = DiagnosticPrinter(root: root, color: options.color)
            standardError(printer.render(options.quiet ? diagnostics.errorsOnly : diagnostics))
            // Once a run, after errors only: a build's every warning is not worth a line more.
            if !options.quiet, let first = diagnostics.sorted.first(where: { $0.severity == .error }) {
                standardError("For what a code means and how to fix it: hearth explain \(first.code)\n")
            }
        }
        if options.verbose {
            for phase in report.phases {
                // Padded by hand: String(format:)'s widths do not pad %@ on Linux.
                let name = phase.name.padding(toLength: max(26, phase.name.count), withPad: " ", startingAt: 0)
                let memory = phase.residentMB.map {
                    " " + String(repeating: " ", count: max(0, 6 - grouped($0).count)) + grouped($0) + " MB"
                }
                standardError("  \(name)" + String(format: " %7.3f s", phase.seconds) + (memory ?? "") + "\n")
            }
            standardError(
                "  cache: \(grouped(report.cacheHits)) reused, \(grouped(report.cacheMisses)) made anew; "
                    + "\(grouped(report.keptPages)) pages unchanged\n")
            if report.bytesSetAside > 0 {
                standardError("  HTML set aside in .hearth-cache: \(grouped(report.bytesSetAside >> 20)) MB\n")
            }
        }
        let time = String(format: "%.2f", report.seconds)
        let counts = DiagnosticPrinter.counts(diagnostics)
        if report.succeeded {
            guard !options.quiet else { return }
            let pages = report.pageCount == 1 ? "page" : "pages"
            var line = "\(verb) \(grouped(report.pageCount)) \(pages) in \(time) s"
            if report.wrote { line += " -> \(displayPath(report.output, root: root))/" }
            if let counts { line += " (\(counts))" }
            standardError(line + "\n")
        } else {
            // A check never writes: saying so after its errors would read as if it had meant to.
            let unwritten = report.wrote || !report.writesOutput ? "" : "; nothing was written"
            standardError((counts ?? "failed") + unwritten + "\n")
        }
    }

    static func displayPath(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// A one-line progress indicator on a terminal, shown only once a build has taken a second.
final class ProgressLine: Sendable {
    private struct State {
        var phase = "starting"
        var shown = false
        var finished = false
    }
    private let state = Mutex(State())
    private let enabled: Bool

    /// Shows nothing unless stderr is a terminal and the output is not quiet or JSON.
    init(options: ConsoleOptions) {
        enabled = isatty(STDERR_FILENO) == 1 && !options.quiet && options.format == .text
        guard enabled else { return }
        Task { [weak self] in
            try? await Task.sleep(for: .seconds(1))
            self?.show()
        }
    }

    /// For `BuildOptions.progress`.
    func update(_ phase: String) {
        if state.withLock({
            $0.phase = phase; return $0.shown
        }) {
            show()
        }
    }

    private func show() {
        let text: String? = state.withLock { state in
            guard enabled, !state.finished else { return nil }
            state.shown = true
            return "\r\u{1B}[2KBuilding… \(state.phase)"
        }
        if let text { Console.standardError(text) }
    }

    /// Clears the line before the summary is printed.
    func finish() {
        let clear = state.withLock { state -> Bool in
            state.finished = true
            return state.shown
        }
        if clear { Console.standardError("\r\u{1B}[2K") }
    }
}
